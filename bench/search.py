# ruff: noqa: T201  (a command-line benchmark: it prints)
"""Benchmark the public search engines against what Wagtail gives out of the box, on synthetic
offers.

    .venv/bin/python bench/search.py [--backend whoosh|postgres|both] [--sizes 10000 100000]
                                     [--queries 60] [--profile]

Not a test. Everything happens in a temporary directory (index, SQLite file) and, for postgres
and both, in a database of its own: a new database on the server of DATABASE_URL (one where the
bench may CREATE/DROP databases, e.g. postgres://postgres@127.0.0.1:5432/), else a throwaway
cluster (tests/servers.py). All removed at the end unless --keep. Sizes are reached
incrementally in one database (10k, then +90k for 100k).

--backend whoosh    SQLite + the embedded Whoosh engine (the original run)
--backend postgres  PostgreSQL + the PostgreSQL engine
--backend both      PostgreSQL + both engines on the same data (Whoosh rebuilt from it)
                    (default)

Per size: bulk insert (bench/bulk_aanbod.py), tree check, index rebuild per engine (docs/s),
first search after the rebuild, the Wagtail database-backend index build, ANALYZE, then
median/p95 over the same queries (1-2 words + two facets drawn from real facet values) for
  engine text, new       preventiezoeker.search.search(...): Whoosh's per-generation text
                         and term caches are emptied before every call (PostgreSQL has none)
  engine text, repeated  the same call again (cached text part: a facet click after a search)
  engine browse          the same two facets without words
  engine distance        the text query sorted nearest first from a wijk centre (sort=afstand,
                         SearchQuery.near), and the same without words; ratio: vs our own
                         text / browse in the same run (what the distance order adds). The
                         first distance search after a rebuild reads every offer's places
                         (aanbod/afstand.py): reported on its own.
  HTML                   GET /aanbod/?q=...&<facet>=... through django.test.Client (new query)
  baseline text/browse   Wagtail's default database search backend for the words (count + top
                         20 by relevance) plus ORM COUNT ... GROUP BY for the 9 facets, each
                         counted with the other facets' filters (disjunctive, like ours), on
                         the same database (SQLite FTS5 or PostgreSQL full text)
ratio = baseline median / our median. Browse-only totals and facet counts are compared with the
baseline, and with --backend both every answer of the two engines with each other.
On PostgreSQL, at 10,000 offers (or the smallest size): publish on A -> findable on B (two
processes, B polls every 10 ms) and the HTTP load run of bench/load.py (2 gunicorn masters x 2
workers, production settings, one PostgreSQL and one Redis).
"""

import argparse
import contextlib
import cProfile
import io
import os
import platform
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# How often a facet is one of the two active ones (thema and wijk are the common clicks);
# every other facet of the registry (aanbod/facetten.py) weighs 1.
WEIGHTS = {"thema": 3, "wijk": 3, "doelgroep": 2}


def facets():
    from aanbod.facetten import FACETTEN  # after django.setup()

    return FACETTEN


TARGETS = {  # from the issues: (engine, size, measure) -> maximum median ms
    ("whoosh", 10_000, "text"): 10,
    ("whoosh", 100_000, "text"): 100,
    ("whoosh", 100_000, "browse"): 2,
    ("whoosh", 10_000, "html"): 50,
    ("postgres", 10_000, "text"): 10,
    ("postgres", 100_000, "text"): 60,
    ("postgres", 10_000, "browse"): 10,
    ("postgres", 100_000, "browse"): 60,
    ("postgres", 10_000, "html"): 60,
}
MIN_REBUILD_DOCS_S = 1_000
MIN_BULK_OFFERS_S = 2_000
MAX_PUBLISH_TO_FOUND_S = 1.0
ENGINES = {
    "whoosh": "preventiezoeker.search.whoosh_backend.WhooshBackend",
    "postgres": "preventiezoeker.search.pg_backend.PostgresBackend",
}


@contextlib.contextmanager
def bench_database(keep):
    """A fresh PostgreSQL database; yields its URL. On the server of DATABASE_URL (created and
    dropped here), else in a throwaway cluster of its own (tests/servers.py)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        from tests.servers import throwaway_postgres

        with throwaway_postgres("bench") as made:
            yield made
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = f"pz_bench_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(tmp, database_url=None):
    """Test settings, but everything in `tmp`: index (and SQLite file without database_url).
    Returns the temporary dirs the settings module made for itself (removed at the end)."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)  # a temporary SQLite file
    for name in ("DATABASE_REPLICA_URL", "PREVENTIEZOEKER_SEARCH_BACKEND", "REDIS_URL",
                 "PREVENTIEZOEKER_SEARCH_DATABASE"):  # fmt: skip
        os.environ.pop(name, None)  # the bench process: its own database, locmem caches
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = str(tmp)
    os.environ["PREVENTIEZOEKER_INDEX_DIR"] = str(tmp / "index")
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.test"
    os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]  # loads the settings, before any connection
    made_by_settings = []
    if not database_url:
        made_by_settings.append(Path(database["NAME"]).parent)
        database["NAME"] = tmp / "db.sqlite3"
    database["CONN_MAX_AGE"] = None  # one connection (one backend process) for the whole run
    django.setup()
    made_by_settings += [settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.SEARCH_INDEX_DIR]
    settings.DEBUG = False  # no query log
    settings.SEARCH_INDEX_DIR = tmp / "index"
    if "localhost" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return made_by_settings


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def db_cpu():
    """CPU seconds used so far by this connection's PostgreSQL backend process (a local server:
    /proc/<pid>/stat; 10 ms ticks, so only means over many calls mean something), else 0."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.connection is None:
        return 0.0
    try:
        with open(f"/proc/{connection.connection.info.backend_pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Timer:
    def __init__(self):
        self.wall, self.cpu, self.total_cpu = [], [], []

    def __call__(self, fn, *args):
        d0 = db_cpu()
        c0, t0 = time.thread_time(), time.perf_counter()
        out = fn(*args)
        self.wall.append((time.perf_counter() - t0) * 1000)
        cpu = (time.thread_time() - c0) * 1000
        self.cpu.append(cpu)
        self.total_cpu.append(cpu + (db_cpu() - d0) * 1000)
        return out

    def stats(self):
        if not self.wall:
            return float("nan"), float("nan"), float("nan"), float("nan")
        return (
            statistics.median(self.wall),
            percentile(self.wall, 95),
            statistics.median(self.cpu),
            statistics.fmean(self.total_cpu),
        )


class Report:
    def __init__(self):
        self.rows, self.notes, self.checks = [], [], []
        self.rebuilds, self.firsts, self.wagtail = [], [], []
        self.firsts_near = []  # (size, engine, ms of the first distance search: places read)
        self.publish = self.load = None

    def note(self, text):
        self.notes.append(text)
        print(text, flush=True)

    def check(self, label, ok):
        self.checks.append(f"{'met    ' if ok else 'MISSED '} {label}")


# -- the engines ------------------------------------------------------------------------------
def use_engine(name):
    """Make `name` the engine behind preventiezoeker.search (and so behind the views)."""
    from django.conf import settings

    from preventiezoeker.search import reset_backend

    settings.SEARCH_BACKEND = ENGINES[name]
    reset_backend()


def engine_cache():
    """The engine's per-process FacetCache (bench only), or None."""
    from preventiezoeker.search import get_backend

    backend = get_backend()
    if hasattr(backend, "_state"):  # Whoosh
        return backend._state()[1]
    snapshots = getattr(backend, "_snapshots", None)  # PostgreSQL: a snapshot per thread
    return snapshots.get(backend.layout).cache if snapshots is not None else None


def forget_text(engine):
    """Empty the engine's per-process text caches (a new query, as for another visitor)."""
    cache = engine_cache()
    for name in ("text_results", "term_postings"):
        if hasattr(cache, name):
            getattr(cache, name).clear()


def engine_search(words, filters, near=None):
    from preventiezoeker.search import SearchQuery, search

    sort = "afstand" if near is not None else ""
    return search(SearchQuery(text=words, filters=filters, per_page=20, sort=sort, near=near))


def starting_points():
    from aanbod.afstand import WIJK_CENTRA

    return list(WIJK_CENTRA.values())


class Unavailable:
    """The engine raised SearchUnavailable (e.g. its statement timeout): counted, not fatal."""

    def __init__(self, error):
        self.error = str(error).strip().splitlines()[0][:200]

    def __repr__(self):
        return f"SearchUnavailable({self.error!r})"


def safe_search(words, filters, near=None):
    from preventiezoeker.search import SearchUnavailable

    try:
        return engine_search(words, filters, near)
    except SearchUnavailable as error:
        return Unavailable(error)


def nonzero(result_facets):
    return {f: {v: c for v, c in vc.items() if c} for f, vc in result_facets.items()}


# -- the baseline: Wagtail's database search backend + ORM counts ---------------------------
class Baseline:
    def __init__(self):
        # facet -> (AanbodPage field, through-model field); facet -> JSON list column
        self.M2M = {
            f.naam: (f.relatie, f.vocabularium._meta.model_name) for f in facets() if f.relatie
        }
        self.JSON = {f.naam: f.veld for f in facets() if f.veld}
        from django.db import connection

        from wagtail.search.backends import get_search_backend

        from aanbod.models import AanbodPage, OrganisatiePage, Wijk

        self.backend = get_search_backend()
        self.connection = connection
        self.Page = AanbodPage
        self.org_path = dict(OrganisatiePage.objects.values_list("slug", "path"))
        self.org_slug = {path: slug for slug, path in self.org_path.items()}
        used = AanbodPage.wijken.through.objects.values("wijk_id")
        self.used_wijken = set(Wijk.objects.filter(pk__in=used).values_list("slug", flat=True))
        self.table = connection.ops.quote_name(AanbodPage._meta.db_table)
        self.universe = {}  # computed facet -> every value a visible offer carries

    def through(self, facet):
        return getattr(self.Page, self.M2M[facet][0]).through

    def json_each(self, column):
        if self.connection.vendor == "postgresql":
            return f"jsonb_array_elements_text(a.{column}) j(value)"
        return f"json_each(a.{column}) j"

    def condition(self, facet, values):
        from django.db.models import Q
        from django.db.models.expressions import RawSQL

        if facet in self.M2M:
            other = self.M2M[facet][1]
            slugs = [v for v in values if v != "stadsbreed"]
            linked = self.through(facet).objects.filter(**{f"{other}__slug__in": slugs})
            q = Q(pk__in=linked.values("aanbodpage_id"))
            declared = next(f for f in facets() if f.naam == facet)
            if declared.alles_veld:  # a city-wide offer is in every wijk (the engine's MATCH_ALL)
                q |= Q(**{declared.alles_veld: True})
            return q
        if facet in self.JSON:
            marks = ", ".join(["%s"] * len(values))
            sql = (
                f"SELECT a.page_ptr_id FROM {self.table} a, {self.json_each(self.JSON[facet])} "
                f"WHERE j.value IN ({marks})"
            )
            return Q(pk__in=RawSQL(sql, list(values)))
        declared = next(f for f in facets() if f.naam == facet)
        if declared.db_filter is not None:  # leeftijd: the database filter of the fallback
            return declared.db_filter(values)
        if facet == "organisatie":
            q = Q(pk__in=[])
            for slug in values:
                q |= Q(path__startswith=self.org_path[slug])
            return q
        raise KeyError(facet)

    def text_pks(self, words):
        """The backend's own query (an FTS5 MATCH subquery on SQLite), unranked, for counts."""
        results = self.backend.search(words, self.Page.objects.all(), order_by_relevance=False)
        return results.get_queryset().values("pk")

    def counts(self, facet, scope):
        from django.db.models import Count
        from django.db.models.functions import Length, Substr

        if facet in self.M2M:
            other = self.M2M[facet][1]
            rows, city_wide = scope, 0
            if facet == "wijk":
                city_wide = scope.filter(stadsbreed=True).count()
                rows = scope.filter(stadsbreed=False)
            grouped = (
                self.through(facet)
                .objects.filter(aanbodpage_id__in=rows.values("pk"))
                .values_list(f"{other}__slug")
                .annotate(n=Count("id"))
                .order_by()
            )
            counts = dict(grouped)
            if facet == "wijk":
                counts = {w: counts.get(w, 0) + city_wide for w in self.used_wijken | set(counts)}
                counts["stadsbreed"] = city_wide
            return counts
        if facet in self.JSON:
            sql, params = scope.values("pk").query.sql_with_params()
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT j.value, COUNT(*) FROM {self.table} a, "
                    f"{self.json_each(self.JSON[facet])} "
                    f"WHERE a.page_ptr_id IN ({sql}) GROUP BY j.value",
                    params,
                )
                return dict(cursor.fetchall())
        declared = next(f for f in facets() if f.naam == facet)
        if declared.per_pagina is not None:  # leeftijd: as the engine's facet values
            return self.computed_counts(declared, scope)
        parent = Substr("path", 1, Length("path") - self.Page.steplen)
        grouped = (
            scope.annotate(parent=parent).values_list("parent").annotate(n=Count("pk")).order_by()
        )
        return {self.org_slug.get(path, path): n for path, n in grouped}

    def computed_counts(self, facet, scope):
        """Counts of a facet computed from fields (facet.per_pagina), with its match-all value
        counted in every value some visible offer carries, as the engines count it."""
        from collections import Counter
        from types import SimpleNamespace

        def tally(queryset):
            counter = Counter()
            for row in queryset.values(*facet.velden):
                counter.update(facet.per_pagina(SimpleNamespace(**row)))
            return counter

        if facet.naam not in self.universe:
            self.universe[facet.naam] = set(tally(self.Page.objects.zichtbaar()))
        counts = tally(scope)
        every = counts.get(facet.alles, 0)
        return {
            v: counts.get(v, 0) + (every if v != facet.alles else 0)
            for v in self.universe[facet.naam] | set(counts)
        }

    def run(self, words, filters):
        base = self.Page.objects.zichtbaar()
        if words:
            base = base.filter(pk__in=self.text_pks(words))
        conditions = {f: self.condition(f, v) for f, v in filters.items()}
        hits = base.filter(*conditions.values())
        if words:
            ranked = self.backend.search(words, self.Page.objects.filter(pk__in=hits.values("pk")))
            total = ranked.count()
            top = [p.pk for p in ranked[:20]]
        else:
            total = hits.count()
            top = list(hits.order_by("title").values_list("pk", flat=True)[:20])
        counts = {}
        for facet in (f.naam for f in facets()):
            scope = base.filter(*(c for f, c in conditions.items() if f != facet))
            counts[facet] = {v: n for v, n in self.counts(facet, scope).items() if n}
        return total, top, counts


# -- the run ---------------------------------------------------------------------------------
def make_queries(count, seed, values):
    from aanbod.demo import WOORDEN

    rng = random.Random(seed)
    names = [f.naam for f in facets() if values.get(f.naam)]
    weights = [WEIGHTS.get(f, 1) for f in names]
    queries = []
    for _ in range(count):
        words = " ".join(rng.sample(WOORDEN, rng.choice((1, 1, 2))))
        chosen = []
        while len(chosen) < 2:
            facet = rng.choices(names, weights=weights)[0]
            if facet not in chosen:
                chosen.append(facet)
        filters = {
            f: tuple(rng.sample(values[f], min(len(values[f]), 2 if rng.random() < 0.2 else 1)))
            for f in chosen
        }
        queries.append((words, filters))
    return queries


def build_wagtail_index():
    from django.core.management import call_command

    from wagtail.search.backends import get_search_backend

    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")
    get_search_backend().reset_indexes()  # a full build, not an update of existing entries
    t0 = time.perf_counter()
    call_command("update_index", verbosity=0)
    return time.perf_counter() - t0, index_entry.objects.count()


def wagtail_count_ms(word):
    """One `.search(word).count()` the way Wagtail runs it."""
    from wagtail.search.backends import get_search_backend

    from aanbod.models import AanbodPage

    t0 = time.perf_counter()
    get_search_backend().search(word, AanbodPage.objects.live()).count()
    return (time.perf_counter() - t0) * 1000


def analyze():
    """Table statistics (what `PRAGMA optimize` keeps up to date). Without them SQLite joins the
    FTS5 table from the wrong side in Wagtail's search query: the MATCH is re-run per index
    entry, quadratic in the number of offers."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed_engine(engine, size, queries, warm, html, profile, report):
    """Every query on one engine: {measure: Timer}, [(text result, browse result)]. An engine
    that raises SearchUnavailable is timed up to the exception; the failure is reported."""
    use_engine(engine)
    for words, filters in warm:  # other queries: the timed ones stay new to the text caches
        safe_search(words, filters)
        html(words, filters)
    points = starting_points()
    started = time.perf_counter()
    safe_search("", {}, points[0])  # reads every offer's places once for this generation
    report.firsts_near.append((size, engine, (time.perf_counter() - started) * 1000))
    names = ("text", "text_repeat", "browse", "html", "near", "near_browse")
    timers = {name: Timer() for name in names}
    results, failures = [], []
    for n, (words, filters) in enumerate(queries):
        forget_text(engine)
        text = timers["text"](safe_search, words, filters)
        repeat = timers["text_repeat"](safe_search, words, filters)
        browse = timers["browse"](safe_search, "", filters)
        near = points[n % len(points)]
        forget_text(engine)
        timers["near"](safe_search, words, filters, near)
        timers["near_browse"](safe_search, "", filters, near)
        forget_text(engine)
        timers["html"](html, words, filters)  # the view falls back to the database listing
        results.append((text, browse))
        for kind, answer, q in (("text", text, words), ("repeat", repeat, words),
                                ("browse", browse, "")):  # fmt: skip
            if isinstance(answer, Unavailable):
                failures.append(f"  {engine} {kind} {{'q': {q!r}, **{filters}}}: {answer!r}")
    calls = 3 * len(queries)
    report.note(f"{size}: {engine}: SearchUnavailable on {len(failures)} of {calls} calls")
    for line in failures[:8]:
        report.note(line)
    report.check(f"{size:,}: {engine} answers every call ({calls - len(failures)}/{calls})",
                 not failures)  # fmt: skip
    if profile is not None:  # untimed: cProfile roughly doubles the cost of pure-Python code
        profile[engine] = cProfile.Profile()
        for words, filters in queries:
            forget_text(engine)
            profile[engine].enable()
            safe_search(words, filters)
            profile[engine].disable()
    return timers, results


def facet_diff(a, b):
    """{facet: {value: (a, b)}} where the non-zero counts differ."""
    out = {}
    for facet in sorted(set(a) | set(b)):
        va, vb = a.get(facet) or {}, b.get(facet) or {}
        diff = {v: (va.get(v, 0), vb.get(v, 0)) for v in sorted(set(va) | set(vb))}
        diff = {v: pair for v, pair in diff.items() if pair[0] != pair[1]}
        if diff:
            out[facet] = diff
    return out


def compare_engines(size, queries, results, engines, report):
    """Both engines' answers to the same queries: totals, facet counts and top 20."""
    a, b = engines
    keys = ("text_total", "text_facets", "text_top_set", "text_top_order", "browse_total",
            "browse_facets", "browse_top")  # fmt: skip
    agree = dict.fromkeys(keys, 0)
    mismatches = []
    pairs = zip(results[a], results[b], strict=True)
    for (words, filters), (ra, rb) in zip(queries, pairs, strict=True):
        for kind, index in (("text", 0), ("browse", 1)):
            x, y = ra[index], rb[index]
            if isinstance(x, Unavailable) or isinstance(y, Unavailable):
                x, y = (r if isinstance(r, Unavailable) else f"total {r.total}" for r in (x, y))
                mismatches.append(f"  {kind} {{'q': {words!r}, **{filters}}}: {x} vs {y}")
                continue
            same_total = x.total == y.total
            diff = facet_diff(nonzero(x.facets), nonzero(y.facets))
            agree[f"{kind}_total"] += same_total
            agree[f"{kind}_facets"] += not diff
            ids_x, ids_y = [h.id for h in x.hits], [h.id for h in y.hits]
            if kind == "text":
                agree["text_top_set"] += set(ids_x) == set(ids_y)
                agree["text_top_order"] += ids_x == ids_y
            else:
                agree["browse_top"] += ids_x == ids_y
            if (not same_total or diff) and len(mismatches) < 8:
                query = {"q": words if kind == "text" else "", **filters}
                mismatches.append(
                    f"  {a} vs {b} mismatch {query}: total {x.total} vs {y.total}; facet "
                    f"counts {{facet: {{value: ({a}, {b})}}}}: {str(diff)[:700]}"
                )
    n = len(queries)
    report.note(
        f"{size}: {a} vs {b} over {n} queries: text totals {agree['text_total']}/{n}, text "
        f"facet counts {agree['text_facets']}/{n}, text top-20 same ids "
        f"{agree['text_top_set']}/{n} (same order {agree['text_top_order']}/{n}); browse "
        f"totals {agree['browse_total']}/{n}, browse facet counts {agree['browse_facets']}/{n}, "
        f"browse top 20 {agree['browse_top']}/{n}"
    )
    for line in mismatches:
        report.note(line)
    report.check(
        f"{size:,}: {a} and {b} agree on browse totals and facet counts "
        f"({min(agree['browse_total'], agree['browse_facets'])}/{n})",
        agree["browse_total"] == agree["browse_facets"] == n,
    )


def measure(size, queries, report, args, engines, profile):
    from django.db import connection
    from django.test import Client

    connection.ensure_connection()
    baseline = Baseline()
    client = Client()

    def html(words, filters):
        params = {"q": words, **{f: list(v) for f, v in filters.items()}}
        response = client.get("/aanbod/", params, HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code
        return response

    warm = make_queries(10, 99, args.values)
    timers, results = {}, {}
    for engine in engines:
        timers[engine], results[engine] = timed_engine(
            engine, size, queries, warm, html, profile, report
        )

    for words, filters in warm:
        baseline.run(words, filters)
        baseline.run("", filters)
    base = {"base_text": Timer(), "base_browse": Timer()}
    n = len(queries)
    text_limit = min(n, args.baseline_text_queries or n)
    answers = []
    for i, (words, filters) in enumerate(queries):
        text = base["base_text"](baseline.run, words, filters) if i < text_limit else None
        answers.append((text, base["base_browse"](baseline.run, "", filters)))

    db = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    base_text, base_browse = base["base_text"].stats(), base["base_browse"].stats()
    medians = {}
    for engine in engines:
        for label, key, ref in (
            ("text, new query", "text", base_text),
            ("text, repeated (facet click)", "text_repeat", base_text),
            ("browse (facets only)", "browse", base_browse),
            ("HTML /aanbod/, new query (ratio: vs baseline text)", "html", base_text),
        ):
            median, p95, cpu, total = timers[engine][key].stats()
            medians[engine, key] = median
            ratio = f"{ref[0] / median:.1f}x"
            report.rows.append((size, engine, label, median, p95, cpu, total, ratio))
        # The distance order against our own searches in the same run: > 1x means slower.
        for label, key, ref_key in (
            ("distance sort, text, new query (ratio: vs our text, new)", "near", "text"),
            ("distance sort, facets only (ratio: vs our browse)", "near_browse", "browse"),
        ):
            median, p95, cpu, total = timers[engine][key].stats()
            ratio = f"{median / medians[engine, ref_key]:.2f}x of ours"
            report.rows.append((size, engine, label, median, p95, cpu, total, ratio))
    limited = "" if text_limit == n else f", first {text_limit} queries"
    for label, key in (
        (f"text: Wagtail db backend ({db}) + ORM{limited}", "base_text"),
        (f"browse: ORM GROUP BY per facet ({db})", "base_browse"),
    ):
        median, p95, cpu, total = base[key].stats()
        medians["baseline", key] = median
        report.rows.append((size, "baseline", label, median, p95, cpu, total, "–"))

    for engine in engines:
        agree = {"browse_total": 0, "browse_counts": 0, "text_total": 0}
        mismatches = []
        for (_words, filters), (ours, browse), (b_text, b_browse) in zip(
            queries, results[engine], answers, strict=True
        ):
            if isinstance(browse, Unavailable):
                continue
            if b_text is not None and not isinstance(ours, Unavailable):
                agree["text_total"] += ours.total == b_text[0]
            b_total, _top, b_facets = b_browse
            agree["browse_total"] += browse.total == b_total
            diff = facet_diff(nonzero(browse.facets), b_facets)
            agree["browse_counts"] += not diff
            if (diff or browse.total != b_total) and len(mismatches) < 3:
                mismatches.append(
                    f"  {engine} vs baseline mismatch {filters}: total {browse.total} vs "
                    f"{b_total}; {{facet: {{value: (engine, baseline)}}}}: {str(diff)[:600]}"
                )
        report.note(
            f"{size}: {engine} vs the baseline ({db}) over {n} queries: browse totals "
            f"{agree['browse_total']}/{n}, browse facet counts {agree['browse_counts']}/{n}; "
            f"text totals {agree['text_total']}/{text_limit} (differ by design: Dutch "
            f"stemming, prefix on the last word and synonyms vs the database's full text)"
        )
        for line in mismatches:
            report.note(line)
        for (target_engine, target_size, key), limit in TARGETS.items():
            if (target_engine, target_size) == (engine, size):
                median = medians[engine, key]
                report.check(
                    f"{size:,}: {engine} {key} median {median:.1f} ms <= {limit} ms",
                    median <= limit,
                )
        for key, base_key in (("text", "base_text"), ("browse", "base_browse")):
            ours, theirs = medians[engine, key], medians["baseline", base_key]
            report.check(
                f"{size:,}: {engine} {key} faster than the baseline ({db}) "
                f"({ours:.1f} vs {theirs:.1f} ms)",
                ours < theirs,
            )
    if len(engines) == 2:
        compare_engines(size, queries, results, engines, report)


def prepare(size, report, args, engines):
    """Bring the database to `size` offers, check it, rebuild the indexes. Returns facet values."""
    from django.db import connection
    from django.test import Client

    from wagtail.models import Page

    from aanbod.models import AanbodPage, OrganisatiePage
    from bench.bulk_aanbod import controleer_boom, maak_bulk_aanbod
    from preventiezoeker.search import SearchQuery, search
    from preventiezoeker.search.sync import rebuild

    added = size - AanbodPage.objects.count()
    t0, c0 = time.perf_counter(), time.process_time()
    maak_bulk_aanbod(added)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    report.note(
        f"{size}: bulk insert of {added:,} offers: {seconds:.1f} s = "
        f"{added / seconds:,.0f} offers/s (cpu {cpu:.1f} s)"
    )
    report.check(
        f"{size:,}: bulk insert {added / seconds:,.0f} offers/s >= {MIN_BULK_OFFERS_S:,}",
        added / seconds >= MIN_BULK_OFFERS_S,
    )

    problems = controleer_boom()
    organisation = OrganisatiePage.objects.order_by("-path").first()
    treebeard = Page.find_problems(parent=organisation)  # treebeard's own, per node: one branch
    offer = AanbodPage.objects.order_by("-path").first()
    client = Client()
    codes = [client.get(p.url, HTTP_HOST="localhost").status_code for p in (offer, organisation)]
    report.note(
        f"{size}: tree problems {[len(p) for p in problems]} (all pages), treebeard "
        f"find_problems {[len(p) for p in treebeard]} (one organisation); an offer "
        f"and an organisation page answer HTTP {codes}"
    )
    assert not any(problems) and not any(treebeard) and codes == [200, 200]

    firsts = {}
    for engine in engines:
        use_engine(engine)
        t0, c0 = time.perf_counter(), time.process_time()
        count = rebuild()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        report.note(
            f"{size}: {engine} index rebuild (sync.rebuild) {count:,} docs in {seconds:.1f} s "
            f"= {count / seconds:,.0f} docs/s (this process's cpu {cpu:.1f} s)"
        )
        report.rebuilds.append((size, engine, count / seconds, seconds))
        report.check(
            f"{size:,}: {engine} rebuild {count / seconds:,.0f} docs/s >= {MIN_REBUILD_DOCS_S:,}",
            count / seconds >= MIN_REBUILD_DOCS_S,
        )
        if connection.vendor == "postgresql":
            analyze()  # the search tables' statistics, as autovacuum would soon have them
        t0 = time.perf_counter()
        firsts[engine] = first = search(SearchQuery(per_page=20))
        ms = (time.perf_counter() - t0) * 1000
        report.firsts.append((size, engine, ms))
        report.note(f"{size}: {engine}: first search after the rebuild: {ms:,.0f} ms")
        assert first.total == size, (engine, first.total, size)
    if len(engines) == 2:
        a, b = (firsts[e] for e in engines)
        diff = facet_diff(nonzero(a.facets), nonzero(b.facets))
        report.note(
            f"{size}: {engines[0]} vs {engines[1]}, everything (no words, no facets): totals "
            f"{a.total} vs {b.total}, facet counts {'equal' if not diff else str(diff)[:700]}"
        )

    seconds, entries = build_wagtail_index()
    report.note(
        f"{size}: Wagtail database backend index (update_index, all models): "
        f"{entries:,} entries in {seconds:.1f} s = {entries / seconds:,.0f}/s"
    )
    report.wagtail.append((size, entries / seconds))
    if connection.vendor == "sqlite" and size <= args.unanalyzed_up_to:
        before = wagtail_count_ms("vallen")
        analyze()
        after = wagtail_count_ms("vallen")
        report.note(
            f"{size}: one Wagtail .search('vallen').count(): {before:,.0f} ms before "
            f"ANALYZE (FTS5 joined from the wrong side), {after:,.0f} ms after; all "
            f"measurements below run after ANALYZE"
        )
    else:
        analyze()
        report.note(f"{size}: ANALYZE before measuring")
    last = firsts[engines[-1]]
    return {f: sorted(v for v, c in counts.items() if c) for f, counts in last.facets.items()}


# -- publish on A, found on B ---------------------------------------------------------------
POLLER = r"""
import json, os, shutil, sys, time
import django
django.setup()
from django.conf import settings
from preventiezoeker.search import SearchQuery, search
search(SearchQuery(per_page=1))
print("ready", flush=True)
try:
    for line in sys.stdin:
        word = line.strip()
        print("watching", flush=True)
        deadline, found, looks = time.monotonic() + 10, None, 0
        while time.monotonic() < deadline:
            looks += 1
            if search(SearchQuery(text=word, per_page=1)).total:
                found = time.monotonic()
                break
            time.sleep(0.01)
        print(json.dumps([found, looks]), flush=True)
finally:
    for path in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        if os.path.basename(str(path)).startswith("preventiezoeker-"):
            shutil.rmtree(path, ignore_errors=True)
"""


def publish_offer(word):
    """A new offer with `word` in its title, created and published as an editor does (Wagtail's
    publish: the search tables are written in its transaction)."""
    from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
    from aanbod.models import AanbodPage, OrganisatiePage, Taal, Thema

    org = OrganisatiePage.objects.live().order_by("pk").first()
    page = AanbodPage(
        title=f"Beweegcoach {word}", live=False,
        in_het_kort=f"Samen wandelen in de buurt met {word}.",
        vormen=[Vorm.GROEPSAANBOD], prijs=[PrijsCategorie.GRATIS],
        inschrijving=[Inschrijving.ZONDER_AFSPRAAK], planning="Elke dinsdag van 14 tot 16 uur",
    )  # fmt: skip
    page.themas.set(Thema.objects.filter(slug="beweging")[:1])
    page.talen.set(Taal.objects.filter(slug="nl")[:1])
    org.add_child(instance=page)
    revision = page.save_revision()
    started = time.monotonic()
    revision.publish()
    return started, time.monotonic(), page


def publish_to_found(size, report, args):
    """Publish in this process (A); another process (B, same database) polls the engine every
    10 ms. Delay = B finds it - A's publish() returned (committed)."""
    import subprocess

    use_engine("postgres")
    log = args.tmp / "poller.log"
    with open(log, "wb") as err:
        poller = subprocess.Popen(
            [sys.executable, "-c", POLLER], cwd=ROOT, env=dict(os.environ),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True,
        )  # fmt: skip
    delays, from_start, publish_ms, missed = [], [], [], 0
    try:
        assert poller.stdout.readline().strip() == "ready", log.read_text()[-2000:]
        for _ in range(args.publishes):
            word = "pz" + "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=10))
            poller.stdin.write(word + "\n")
            poller.stdin.flush()
            assert poller.stdout.readline().strip() == "watching"
            time.sleep(0.05)  # B is polling
            started, committed, page = publish_offer(word)
            found, _looks = json_line(poller.stdout.readline())
            publish_ms.append((committed - started) * 1000)
            if found is None:
                missed += 1
                continue
            delays.append((found - committed) * 1000)
            from_start.append((found - started) * 1000)
            page.unpublish()  # the database keeps its size
    finally:
        poller.stdin.close()
        poller.wait(10)
    n = args.publishes
    if delays:
        report.publish = (size, n, missed, delays, from_start, publish_ms)
        worst = max(from_start) / 1000
        report.note(
            f"{size}: publish on A -> found on B ({n} publishes, B polls every 10 ms): after "
            f"publish() returned median {statistics.median(delays):.0f} ms, max "
            f"{max(delays):.0f} ms; from the start of publish() median "
            f"{statistics.median(from_start):.0f} ms, max {max(from_start):.0f} ms; publish() "
            f"itself median {statistics.median(publish_ms):.0f} ms; not found within 10 s: "
            f"{missed}"
        )
        ok = not missed and worst <= MAX_PUBLISH_TO_FOUND_S
    else:
        report.note(f"{size}: publish on A -> found on B: none of {n} found within 10 s")
        worst, ok = float("inf"), False
    report.check(
        f"{size:,}: publish on A -> found on B, max {worst * 1000:,.0f} ms (from the start of "
        f"publish) <= {MAX_PUBLISH_TO_FOUND_S * 1000:,.0f} ms, none missed",
        ok,
    )


def json_line(line):
    import json

    return json.loads(line)


def search_urls(count, values):
    """Real search URLs: the benchmark's kind of query (1-2 words + two facets with real
    values); every fourth one without words (a facet click on the full list)."""
    from urllib.parse import urlencode

    urls = []
    for i, (words, filters) in enumerate(make_queries(count, 7, values)):
        params = {"q": words} if i % 4 else {}
        params.update({f: list(v) for f, v in filters.items()})
        urls.append("/aanbod/?" + urlencode(params, doseq=True))
    return urls


def print_tables(args, report, load_before):
    from django.db import connection

    cpu = platform.processor() or platform.machine()
    db = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    if db == "PostgreSQL":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            db += " " + cursor.fetchone()[0].split()[0]
    print(
        f"\nSearch benchmark {date.today()}: {os.cpu_count()} cores ({cpu}), Python "
        f"{platform.python_version()}, {db}, engines {', '.join(args.engines)}, "
        f"{args.queries} queries per size, load average {load_before:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    print(
        "Wall-clock ms; 'cpu' = this thread's CPU time (less sensitive to other load); 'cpu+db' "
        "= that plus the CPU of this connection's PostgreSQL backend process (/proc, 10 ms "
        "ticks: a mean over all calls).\n"
    )
    header = ("size", "engine", "measure", "median ms", "p95 ms", "cpu median ms",
              "cpu+db mean ms", "ratio vs baseline")  # fmt: skip
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size, engine, label, median, p95, cpu_ms, total, ratio in report.rows:
        print(
            f"| {size:,} | {engine} | {label} | {median:.2f} | {p95:.2f} | {cpu_ms:.2f} | "
            f"{total:.2f} | {ratio} |"
        )
    if report.publish:
        size, n, missed, delays, from_start, publish_ms = report.publish
        print(
            f"| {size:,} | postgres | publish on A -> found on B, after commit ({n}x) | "
            f"{statistics.median(delays):.2f} | {percentile(delays, 95):.2f} | – | – | – |"
        )
        print(
            f"| {size:,} | postgres | publish on A -> found on B, from publish() start | "
            f"{statistics.median(from_start):.2f} | {percentile(from_start, 95):.2f} | – | – | – |"
        )
    print("\n| size | engine | rebuild | first search after rebuild | first distance search |")
    print("|---|---|---|---|---|")
    firsts = {(size, engine): ms for size, engine, ms in report.firsts}
    firsts_near = {(size, engine): ms for size, engine, ms in report.firsts_near}
    for size, engine, docs_s, seconds in report.rebuilds:
        print(
            f"| {size:,} | {engine} | {docs_s:,.0f} docs/s ({seconds:.1f} s) | "
            f"{firsts.get((size, engine), float('nan')):,.0f} ms | "
            f"{firsts_near.get((size, engine), float('nan')):,.0f} ms |"
        )
    for size, per_s in report.wagtail:
        print(f"| {size:,} | Wagtail update_index | {per_s:,.0f} entries/s | – |")
    if report.load:
        from bench.load import print_load

        print()
        print_load(report.load)
    print()
    for note in report.notes:
        print(note)
    print("\nTargets:")
    for line in report.checks:
        print("  " + line)


def run(args, report):
    from django.core.management import call_command

    from home.inrichting import richt_site_in

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    richt_site_in()
    print(f"migrate + richt_site_in: {time.perf_counter() - t0:.1f} s", flush=True)
    load_before = os.getloadavg()[0]
    profile = {} if args.profile else None
    two_servers_at = min(args.sizes, key=lambda s: abs(s - 10_000))
    try:
        for size in sorted(args.sizes):
            print(f"\n== {size:,} offers", flush=True)
            args.values = prepare(size, report, args, args.engines)
            t0 = time.perf_counter()
            queries = make_queries(args.queries, size, args.values)
            measure(size, queries, report, args, args.engines, profile)
            print(f"{size}: measured in {time.perf_counter() - t0:.0f} s", flush=True)
            if args.database_url and size == two_servers_at:
                if args.publishes:
                    publish_to_found(size, report, args)
                if args.load_duration:
                    from bench.load import load_run

                    use_engine("postgres")
                    report.load = load_run(
                        args.database_url, args.redis_url, search_urls(200, args.values),
                        args.tmp / "load", size=size, duration=args.load_duration,
                        connections=args.load_connections, report=report,
                    )  # fmt: skip
            print_tables(args, report, load_before)  # after every size: nothing is lost
    finally:
        if profile:
            for engine, prof in profile.items():
                out = io.StringIO()
                stats = pstats.Stats(prof, stream=out)
                stats.sort_stats("tottime").print_stats(15)
                stats.sort_stats("cumulative").print_stats(25)
                print(f"\nProfile of the {engine} text calls (new queries, untimed):\n"
                      + out.getvalue())  # fmt: skip


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("whoosh", "postgres", "both"), default="both")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--profile", action="store_true", help="cProfile the engine text calls")
    parser.add_argument(
        "--baseline-text-queries",
        type=int,
        default=0,
        metavar="N",
        help="run the slow Wagtail text baseline for the first N queries only (0 = all)",
    )
    parser.add_argument(
        "--unanalyzed-up-to",
        type=int,
        default=20_000,
        metavar="N",
        help="SQLite: up to this size, also time one Wagtail count before ANALYZE (slow)",
    )
    parser.add_argument("--publishes", type=int, default=10, help="PostgreSQL: A -> B (0: skip)")
    parser.add_argument(
        "--load-duration", type=float, default=20, help="PostgreSQL: HTTP load seconds (0: skip)"
    )
    parser.add_argument("--load-connections", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.queries < 50:
        parser.error("--queries must be at least 50")
    args.engines = {"whoosh": ["whoosh"], "postgres": ["postgres"]}.get(
        args.backend, ["whoosh", "postgres"]
    )

    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    args.tmp = tmp
    args.redis_url = os.environ.get("REDIS_URL")
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        try:
            args.database_url = None
            if args.backend != "whoosh":
                args.database_url = stack.enter_context(bench_database(args.keep))
            made_by_settings = setup_django(tmp, args.database_url)
            stack.callback(close_connections)
            run(args, Report())
        finally:
            if not args.keep:
                shutil.rmtree(tmp, ignore_errors=True)
            for path in map(Path, locals().get("made_by_settings", [])):
                own = path.name.startswith(("preventiezoeker-", "pz-db-"))
                if own and str(path.parent) == tempfile.gettempdir():
                    shutil.rmtree(path, ignore_errors=True)
            kept = f"; kept {tmp}" if args.keep else ""
            print(f"\nTotal run time {time.perf_counter() - started:.0f} s{kept}")


def close_connections():
    from django.db import connections

    connections.close_all()


if __name__ == "__main__":
    main()
