"""Insert many synthetic, live offers fast, for bench/search.py (maak_synthetisch does ~10/s).

Bypasses Wagtail's page API: the treebeard paths are computed here, the wagtailcore_page rows,
the AanbodPage/OrganisatiePage child rows (multi-table inheritance) and the M2M rows are written
with executemany (COPY on PostgreSQL). No revisions, no log entries, no signals (so nothing is
queued for the search index: rebuild it afterwards). Works on SQLite and PostgreSQL.

    from bench.bulk_aanbod import maak_bulk_aanbod, controleer_boom
    maak_bulk_aanbod(100_000)          # under ~2,000 synthetic organisations
    assert not any(controleer_boom())  # treebeard invariants, in one pass
"""

import contextlib
import datetime
import random
import uuid
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Locale, Page

from aanbod.demo import WOORDEN
from aanbod.enums import Inschrijving, OrganisatieSoort, PrijsCategorie, Vorm
from aanbod.models import (
    AanbodIndexPage,
    AanbodPage,
    Doelgroep,
    OrganisatiePage,
    Taal,
    Thema,
    Toegankelijkheid,
    Wijk,
)

PER_ORGANISATIE = 50
STADSBREED = 0.15
POOL_BITS = 13
BATCH = 5000
SQLITE_CACHE_KIB = 256 * 1024  # an upper bound; SQLite allocates as it goes
SLUG_PREFIX = "bulk"
PLANNING = (
    "elke dinsdag 14–16 u.", "maandag en donderdag, 9–12 u.", "op afspraak",
    "elke eerste woensdag van de maand", "tijdens de schoolvakanties", "", "",
)  # fmt: skip
TOELICHTING = ("", "", "Met UiTPAS betaal je 1 euro.", "Vraag naar het sociaal tarief.")
# Prepared per value only where the database adapter needs it.
PREP_TYPES = {"UUIDField", "DateTimeField", "DateField", "DecimalField", "JSONField"}
M2M = {
    "themas": (Thema, (1, 2)),
    "doelgroepen": (Doelgroep, (0, 2)),
    "talen": (Taal, (1, 3)),
    "wijken": (Wijk, (0, 2)),
    "toegankelijkheid": (Toegankelijkheid, (0, 4)),
}


def _path(parent_path, position):
    """Treebeard's MP_Node._get_path for a child at 1-based `position` below `parent_path`."""
    key = Page._int2str(position)
    if len(key) > Page.steplen:
        raise ValueError(f"Te veel kinderen onder {parent_path!r}")
    return f"{parent_path}{Page.alphabet[0] * (Page.steplen - len(key))}{key}"


def _last_position(parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


class _Inserter:
    """INSERT into one model's own table (no parents), with the database's prep.

    Columns not in `variables` get the value from `constants` or the field default, prepared
    once; rows are tuples in `variables` order. Date, JSON, decimal and UUID values go through
    the field's get_db_prep_save (SQLite gets strings, PostgreSQL native types), memoised since
    synthetic data repeats."""

    def __init__(self, model, variables, constants=None):
        self.connection = conn = connections[DEFAULT_DB_ALIAS]  # not the thread-local proxy
        fields = {
            f.attname: f
            for f in model._meta.local_concrete_fields
            if not f.primary_key or f.remote_field  # skip the serial id, keep page_ptr_id
        }
        constants = dict(constants or {})
        for name, field in fields.items():
            if name not in variables and name not in constants:
                constants[name] = field.get_default()
        self.constants = tuple(
            field.get_db_prep_save(constants[name], conn) for name, field in fields.items()
            if name in constants
        )  # fmt: skip
        columns = [name for name in fields if name in constants] + list(variables)
        self.preps = [
            (i, self._prep(fields[name]))
            for i, name in enumerate(variables)
            if fields[name].get_internal_type() in PREP_TYPES
        ]
        self.table = model._meta.db_table
        self.columns = [fields[name].column for name in columns]

    def _prep(self, field):
        conn, memo = self.connection, {}
        if field.get_internal_type() == "UUIDField":
            return lambda value: field.get_db_prep_save(value, conn)

        def prep(value):
            key = tuple(value) if isinstance(value, list) else value
            try:
                return memo[key]
            except KeyError:
                memo[key] = out = field.get_db_prep_save(value, conn)
                return out

        return prep

    def insert(self, rows):
        constants, preps = self.constants, self.preps
        params = []
        for row in rows:
            if preps:
                row = list(row)
                for i, prep in preps:
                    row[i] = prep(row[i])
            params.append(constants + tuple(row))
        _write(self.connection, self.table, self.columns, params)


def _write(conn, table, columns, rows):
    """INSERT rows: COPY on PostgreSQL (one stream, no SQL text per row), executemany elsewhere
    (SQLite runs in-process, so a prepared statement per row is fast)."""
    quote = conn.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


PAGE_VARIABLES = (
    "path", "depth", "numchild", "translation_key", "title", "draft_title", "slug", "url_path",
    "content_type_id", "first_published_at", "last_published_at", "latest_revision_created_at",
)  # fmt: skip
PAGE_CONSTANTS = {
    "live": True, "has_unpublished_changes": False, "expired": False, "locked": False,
    "show_in_menus": False, "seo_title": "", "search_description": "",
}  # fmt: skip
AANBOD_VARIABLES = (
    "page_ptr_id", "in_het_kort", "beschrijving", "min_leeftijd", "stadsbreed", "vormen", "prijs",
    "bedrag", "prijs_toelichting", "inschrijving", "planning", "laatst_nagekeken",
)  # fmt: skip
ORGANISATIE_VARIABLES = ("page_ptr_id", "soort", "korte_beschrijving", "email", "straat_nummer")


class _Keys:
    """Distinct translation keys: a random 64-bit prefix per run plus a counter (so the unique
    index on translation_key is filled in order, not at random places)."""

    def __init__(self, rng):
        self.base, self.counter = rng.getrandbits(64) << 64, 0

    def __call__(self):
        self.counter += 1
        return uuid.UUID(int=self.base | self.counter, version=4)


def _ids_by_path(depth, first_path, last_path):
    """path -> id of the rows just written (new paths sort after every older sibling)."""
    rows = Page.objects.filter(depth=depth, path__range=(first_path, last_path))
    return dict(rows.values_list("path", "id"))


def _zin(rng, count):
    return " ".join(rng.sample(WOORDEN, count)).capitalize() + "."


class _Pools:
    """Pre-drawn random values; a draw is one getrandbits() (random.sample costs ~40 µs).

    Each pool holds 2**POOL_BITS independent draws with the same distributions as
    maak_synthetisch, so 100k offers share ~8k distinct descriptions (enough for search)."""

    def __init__(self, rng, vocab, now, today, bits=POOL_BITS):
        self.rng, self.bits = rng, bits
        size = 1 << bits

        def draws(make):
            return [make() for _ in range(size)]

        def m2m(name, low, high):
            values = vocab[name]
            return lambda: rng.sample(values, min(len(values), rng.randint(low, high)))

        def titel():
            words = rng.sample(WOORDEN, 2)
            return f"{words[0].capitalize()} en {words[1]}"

        vormen, prijzen, inschrijving = Vorm.values, PrijsCategorie.values, Inschrijving.values
        self.pools = {
            "titel": draws(titel),
            "kort": draws(lambda: _zin(rng, 12)),
            "beschrijving": draws(lambda: f"<p>{_zin(rng, 30)}</p>"),
            "when": draws(lambda: now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 730))),
            "nagekeken": draws(lambda: today - datetime.timedelta(days=rng.randint(0, 730))),
            "leeftijd": draws(
                lambda: rng.choice((0, 12, 18, 55, 65)) if rng.random() < 0.3 else None
            ),
            "vormen": draws(lambda: rng.sample(vormen, rng.randint(1, 2))),
            "prijs": draws(lambda: rng.sample(prijzen, rng.randint(1, 2))),
            "inschrijving": draws(lambda: rng.sample(inschrijving, 1)),
            "toelichting": draws(lambda: rng.choice(TOELICHTING)),
            "planning": draws(lambda: rng.choice(PLANNING)),
            **{name: draws(m2m(name, *span)) for name, (_model, span) in M2M.items()},
        }
        if vocab["themas"]:  # every offer has at least one theme
            self.pools["themas"] = [v or vocab["themas"][:1] for v in self.pools["themas"]]

    def pick(self, name):
        return self.pools[name][self.rng.getrandbits(self.bits)]


def maak_bulk_aanbod(aantal, seed=42, progress=None):
    """Insert `aantal` live, public offers under new synthetic organisations (~50 per organisation).

    Same vocabulary use as demo.maak_synthetisch. Returns (number of offers, number of
    organisations). `progress(n)` is called with the number of offers written per batch.
    One transaction; on SQLite the page cache is raised meanwhile (index pages stay in memory).
    """
    if aantal <= 0:
        return 0, 0
    with _sqlite_cache(SQLITE_CACHE_KIB), transaction.atomic():
        return _maak(aantal, seed, progress)


@contextlib.contextmanager
def _sqlite_cache(kib):
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        old = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(old)}")


def _maak(aantal, seed, progress):
    index = AanbodIndexPage.objects.get()
    locale_id = index.locale_id or Locale.get_default().pk
    ct_org = ContentType.objects.get_for_model(OrganisatiePage).pk
    ct_aanbod = ContentType.objects.get_for_model(AanbodPage).pk
    first_org_position = _last_position(index) + 1
    run = OrganisatiePage.objects.filter(slug__startswith=f"{SLUG_PREFIX}-{seed}-").count()
    rng = random.Random(f"{seed}:{run}")
    key = _Keys(rng)
    first_number = AanbodPage.objects.count() + 1
    now = timezone.now()
    today = timezone.localdate()
    vocab = {
        name: list(model.objects.values_list("pk", flat=True)) for name, (model, _) in M2M.items()
    }
    page_inserter = _Inserter(Page, PAGE_VARIABLES, {**PAGE_CONSTANTS, "locale_id": locale_id})

    # Organisations -------------------------------------------------------------------------
    org_count = max(1, -(-aantal // PER_ORGANISATIE))
    per_org = [aantal // org_count + (1 if i < aantal % org_count else 0) for i in range(org_count)]
    org_depth = index.depth + 1
    org_paths, org_urls, org_pages, org_rows = [], [], [], []
    for i in range(org_count):
        number = run + i + 1
        slug = f"{SLUG_PREFIX}-{seed}-{number}"
        title = f"Synthetische organisatie {number}"
        path = _path(index.path, first_org_position + i)
        url_path = f"{index.url_path}{slug}/"
        org_paths.append(path)
        org_urls.append(url_path)
        org_pages.append(
            (
                path,
                org_depth,
                per_org[i],
                key(),
                title,
                title,
                slug,
                url_path,
                ct_org,
                now,
                now,
                now,
            )
        )
        org_rows.append(
            (rng.choice(OrganisatieSoort.values), _zin(rng, 8), f"info@{slug}.example.org",
             f"Voorbeeldstraat {i + 1}")
        )  # fmt: skip
    page_inserter.insert(org_pages)
    org_ids = _ids_by_path(org_depth, org_paths[0], org_paths[-1])
    _Inserter(
        OrganisatiePage, ORGANISATIE_VARIABLES, {"gemeente": "Gent", "postcode": "9000"}
    ).insert([(org_ids[path], *row) for path, row in zip(org_paths, org_rows, strict=True)])
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + org_count)

    # Offers, in batches ----------------------------------------------------------------------
    aanbod_inserter = _Inserter(AanbodPage, AANBOD_VARIABLES)
    conn = connections[DEFAULT_DB_ALIAS]
    m2m_tables = {}
    for name in M2M:
        field = AanbodPage._meta.get_field(name)
        m2m_tables[name] = (
            field.m2m_db_table(),
            [field.m2m_column_name(), field.m2m_reverse_name()],
        )
    slots = [(i, k) for i in range(org_count) for k in range(per_org[i])]
    aanbod_depth = org_depth + 1
    pool = _Pools(rng, vocab, now, today, bits=min(POOL_BITS, max(6, aantal.bit_length())))
    pick, random_float = pool.pick, rng.random
    betalend = PrijsCategorie.BETALEND
    for start in range(0, aantal, BATCH):
        pages, details, links = [], [], []
        for n in range(start, min(start + BATCH, aantal)):
            org, position = slots[n]
            number = first_number + n
            slug = f"aanbod-{number}"
            path = _path(org_paths[org], position + 1)
            title = f"{pick('titel')} {number}"
            when = pick("when")
            pages.append(
                (path, aanbod_depth, 0, key(), title, title, slug, f"{org_urls[org]}{slug}/",
                 ct_aanbod, when, when, when)
            )  # fmt: skip
            prijs = pick("prijs")
            details.append(
                [
                    path,  # replaced by the page id once the page rows exist
                    pick("kort"),
                    pick("beschrijving"),
                    pick("leeftijd"),
                    random_float() < STADSBREED,
                    pick("vormen"),
                    prijs,
                    "5.00" if betalend in prijs else None,
                    pick("toelichting"),
                    pick("inschrijving"),
                    pick("planning"),
                    pick("nagekeken"),
                ]
            )
            links.append([pick(name) for name in M2M])
        page_inserter.insert(pages)
        ids = _ids_by_path(aanbod_depth, pages[0][0], pages[-1][0])
        for row in details:
            row[0] = ids[row[0]]
        aanbod_inserter.insert(details)
        for i, name in enumerate(M2M):
            rows = [
                (row[0], v) for row, chosen in zip(details, links, strict=True) for v in chosen[i]
            ]
            _write(conn, *m2m_tables[name], rows)
        if progress:
            progress(len(pages))
    return aantal, org_count


def controleer_boom():
    """Treebeard's find_problems() in one pass (find_problems runs two queries per node).

    Returns (bad_alphabet, bad_steplen, orphans, wrong_depth, wrong_numchild) as lists of ids;
    all empty means the tree is sound.
    """
    step, alphabet = Page.steplen, set(Page.alphabet)
    rows = list(
        Page.objects.values_list("pk", "path", "depth", "numchild").iterator(chunk_size=20_000)
    )
    paths = {path for _pk, path, _depth, _numchild in rows}
    children = Counter(path[:-step] for _pk, path, _depth, _numchild in rows if len(path) > step)
    bad_alphabet, bad_steplen, orphans, wrong_depth, wrong_numchild = [], [], [], [], []
    for pk, path, depth, numchild in rows:
        if not set(path) <= alphabet:
            bad_alphabet.append(pk)
        elif len(path) % step:
            bad_steplen.append(pk)
        elif len(path) > step and path[:-step] not in paths:
            orphans.append(pk)
        elif depth != len(path) // step:
            wrong_depth.append(pk)
        elif numchild != children[path]:
            wrong_numchild.append(pk)
    return bad_alphabet, bad_steplen, orphans, wrong_depth, wrong_numchild
