# ruff: noqa: T201  (a command-line benchmark: it prints)
"""Time every view of the coordinator's "Cijfers" section (cijfers.secties.SECTIES) at the
scale of issue 14: 10,000 offers and 1,000,000 search-log rows.

    .venv/bin/python bench/cijfers.py [--backend sqlite|postgres] [--runs 5]
        [--offers 10000] [--log 1000000] [--tellingen 100000] [--aanvragen 5000]
        [--campagnes 12] [--activiteiten 8] [--meldingen 500] [--keep]

Not a test. SQLite file and search index in a temporary directory (postgres: a database of its
own, as in bench/search.py), removed at the end unless --keep. Builds: the offers
(bench/bulk_aanbod.py), the search log (ZoekStatistiek) over the last ~2 years (skewed: a few
hundred frequent words, a long tail, ~8 % without results, ~40 % with filters drawn from real
facet values, an overflow row on busy days), referral counts (doorverwijzing.Telling),
gezondheidsgids requests (Aanvraag), campaigns with activities (through Wagtail, so occurrences
are stored as in production), open corrections (Correctiemelding); rebuilds the search index;
ANALYZE. Then, as a coordinator through Django's test client, GETs every view for the default
period and for "12-maanden" --runs times, and each view's XLSX download for "12-maanden", and
prints: view, period, median ms, max ms, queries, and median / 1 s target as a ratio.
--filters also times the two ways of counting the most used filters (see bench/README.md).
"""

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOEL_MS = 1000
DAGEN = 730


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--log", type=int, default=1_000_000)
    parser.add_argument("--tellingen", type=int, default=100_000)
    parser.add_argument("--aanvragen", type=int, default=5_000)
    parser.add_argument("--campagnes", type=int, default=12)
    parser.add_argument("--activiteiten", type=int, default=8, help="per campaign")
    parser.add_argument("--meldingen", type=int, default=500)
    parser.add_argument("--filters", action="store_true", help="compare filter counting")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    from bench.search import bench_database, setup_django

    tmp = Path(tempfile.mkdtemp(prefix="bench-cijfers-"))
    made = []
    try:
        if args.backend == "postgres":
            with bench_database(args.keep) as url:
                made = setup_django(tmp, url)
                run(args)
        else:
            made = setup_django(tmp)
            run(args)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            for path in [tmp, *made]:
                shutil.rmtree(path, ignore_errors=True)


class Stap:
    """Prints how long each generation step took."""

    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        print(f"{self.label} ...", end=" ", flush=True)

    def __exit__(self, *exc):
        print(f"{time.perf_counter() - self.start:.1f} s", flush=True)


def run(args):
    from django.core.management import call_command
    from django.db import connection, transaction

    from aanbod.partners import maak_gebruiker
    from bench.bulk_aanbod import maak_bulk_aanbod
    from home.inrichting import richt_site_in
    from preventiezoeker.search.sync import rebuild

    rng = random.Random(14)
    with Stap("migrate + richt_site_in"):
        call_command("migrate", verbosity=0)
        _home, _index, coordinators = richt_site_in()
    with Stap(f"{args.offers:,} offers"):
        maak_bulk_aanbod(args.offers)
    with Stap(f"{args.log:,} search-log rows"), transaction.atomic():
        zoeklog(args.log, rng)
    with Stap(f"{args.tellingen:,} referral counts"), transaction.atomic():
        tellingen(args.tellingen, rng)
    with Stap(f"{args.aanvragen:,} gezondheidsgids requests"):
        aanvragen(args.aanvragen, rng)
    with Stap(f"{args.campagnes} campaigns x {args.activiteiten} activities"):
        campagnes(args.campagnes, args.activiteiten, rng)
    with Stap(f"{args.meldingen:,} corrections"):
        meldingen(args.meldingen, rng)
    with Stap("search index rebuild"):
        rebuild()
    with Stap("ANALYZE"), connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    user = maak_gebruiker("bench-coordinator", "bench@example.org", coordinators)
    if args.filters:
        vergelijk_filters(args.runs)
    meet(user, args.runs, connection.vendor)


# -- the data ----------------------------------------------------------------------------------


def _facetwaarden():
    """{facet: [slugs]} of the facets people click, from the real vocabularies."""
    from aanbod.facetten import FACET

    return {
        naam: list(FACET[naam].lees_keuzes("nl"))
        for naam in ("thema", "wijk", "taal", "doelgroep", "toegankelijkheid", "prijs", "vorm")
    }


def _woorden(rng):
    """A few hundred frequent searches (real words, pairs of them), then a long tail."""
    from aanbod.demo import WOORDEN

    basis = sorted({w.lower() for w in WOORDEN if w.isalpha()})
    vaak = basis + [f"{a} {b}" for a, b in zip(basis, reversed(basis), strict=True)]
    rng.shuffle(vaak)
    return vaak[:300], [f"{rng.choice(basis)[:6]}{n}" for n in range(200_000)]


def zoeklog(aantal, rng):
    """`aantal` ZoekStatistiek rows over the last DAGEN days, unique per (day, words, filters)."""
    from django.db import connection
    from django.utils import timezone

    from aanbod.models import ZoekStatistiek, ZoekTelling
    from aanbod.statistiek import OVERIGE, tellingen_van
    from bench.bulk_aanbod import _write

    vaak, staart = _woorden(rng)
    vaak_set = set(vaak)
    facetten = _facetwaarden()
    namen = list(facetten)
    vandaag = timezone.localdate()
    per_dag = max(1, aantal // DAGEN)
    meta = ZoekStatistiek._meta
    velden = ("dag", "woorden", "filters", "aantal", "resultaten", "zonder_resultaat")
    kolommen = [meta.get_field(n).column for n in velden]
    dag_kolommen = [ZoekTelling._meta.get_field(n).column
                    for n in ("dag", "sleutel", "aantal", "zonder_resultaat")]  # fmt: skip
    prep = connection.ops.adapt_datefield_value
    geschreven = 0
    for d in range(DAGEN):
        dag = vandaag - datetime.timedelta(days=d)
        n = min(per_dag, aantal - geschreven)
        if n <= 0:
            break
        sleutels = set()
        if d % 9 == 0:  # a busy day: the overflow row
            sleutels.add((OVERIGE, ""))
        while len(sleutels) < n:
            r = rng.random()
            # Skew: the frequent words a third of the rows, the tail the rest, ~10 % only filters.
            if r < 0.33:
                woorden = vaak[int(len(vaak) * rng.random() ** 2)]
            elif r < 0.9:
                woorden = staart[int(len(staart) * rng.random() ** 1.5)]
            else:
                woorden = ""
            filters = ""
            if not woorden or rng.random() < 0.4:
                paren = sorted(
                    (naam, rng.choice(facetten[naam]))
                    for naam in rng.sample(namen, rng.choice((1, 1, 1, 2, 2, 3)))
                )
                filters = "&".join(f"{k}={v}" for k, v in paren)
            sleutels.add((woorden, filters))
        rijen = []
        for woorden, filters in sleutels:
            keer = 1 + int(rng.paretovariate(1.3)) if woorden in vaak_set else rng.choice((1, 1, 2))
            zonder = keer if rng.random() < 0.08 else 0
            rijen.append((prep(dag), woorden, filters, keer, 0 if zonder else 7, zonder))
        _write(connection, meta.db_table, kolommen, rijen)
        geschreven += len(rijen)
        # The day counts tel() keeps beside the log (aanbod/statistiek.py).
        dagtellingen = tellingen_van((dag, w, f, n, z) for _d, w, f, n, _r, z in rijen)
        dag_rijen = [(prep(t.dag), t.sleutel, t.aantal, t.zonder_resultaat) for t in dagtellingen]
        _write(connection, ZoekTelling._meta.db_table, dag_kolommen, dag_rijen)


def tellingen(aantal, rng):
    from django.db import connection
    from django.utils import timezone

    from aanbod.models import AanbodPage
    from bench.bulk_aanbod import _write
    from doorverwijzing.enums import Soort
    from doorverwijzing.models import Telling

    ids = list(AanbodPage.objects.values_list("pk", flat=True))
    maand = timezone.localdate().replace(day=1)
    maanden = []
    for _ in range(24):
        maanden.append(maand)
        maand = (maand - datetime.timedelta(days=1)).replace(day=1)
    sleutels = set()
    while len(sleutels) < min(aantal, len(ids) * len(maanden) * len(Soort)):
        sleutels.add((rng.choice(ids), rng.choice(maanden), rng.choice(Soort.values)))
    meta, prep = Telling._meta, connection.ops.adapt_datefield_value
    kolommen = [meta.get_field(n).column for n in ("aanbod", "maand", "soort", "aantal")]
    rijen = [(a, prep(m), s, 1 + int(rng.paretovariate(1.5))) for a, m, s in sleutels]
    _write(connection, meta.db_table, kolommen, rijen)


def aanvragen(aantal, rng):
    from django.utils import timezone

    from aanbod.models import Taal, Wijk
    from doorverwijzing.enums import Dringendheid, Status, Taak
    from doorverwijzing.models import Aanvraag

    wijken = list(Wijk.objects.values_list("pk", flat=True))
    talen = list(Taal.objects.values_list("pk", flat=True))
    nu = timezone.now()
    rijen = []
    for _ in range(aantal):
        aangemaakt = nu - datetime.timedelta(minutes=rng.randrange(DAGEN * 24 * 60))
        status = rng.choice(Status.values)
        gekoppeld = (
            aangemaakt + datetime.timedelta(hours=rng.randrange(1, 24 * 20))
            if status != Status.NIEUW else None
        )  # fmt: skip
        rijen.append(Aanvraag(
            organisatie="(geanonimiseerd)", naam="", email="", vraag="",
            wijk_id=rng.choice(wijken) if rng.random() < 0.9 else None,
            taak=rng.choice(Taak.values), dringendheid=rng.choice(Dringendheid.values),
            status=status, aangemaakt=aangemaakt, gekoppeld_op=gekoppeld,
        ))  # fmt: skip
    Aanvraag.objects.bulk_create(rijen, batch_size=2000)
    door = Aanvraag.talen.through
    door.objects.bulk_create(
        (door(aanvraag_id=a.pk, taal_id=t) for a in rijen for t in rng.sample(talen, 1 + a.pk % 2)),
        batch_size=5000,
    )  # fmt: skip


def campagnes(aantal, per_campagne, rng):
    """Through Wagtail's page API (publish stores the occurrences): slow, hence few."""
    from django.utils import timezone

    from aanbod.models import AanbodPage, OrganisatiePage, Thema, Wijk
    from kalender.enums import Herhaling
    from kalender.models import ActiviteitPage, CampagnePage, KalenderIndexPage

    index = KalenderIndexPage.objects.get()
    orgs = list(OrganisatiePage.objects.order_by("pk")[:200])
    themas, wijken = list(Thema.objects.all()), list(Wijk.objects.all())
    vandaag = timezone.localdate()
    for c in range(aantal):
        start = vandaag - datetime.timedelta(days=60 * c - 30)
        campagne = CampagnePage(
            title=f"Campagne {c + 1}", slug=f"bench-campagne-{c + 1}", start=start,
            einde=start + datetime.timedelta(days=20), in_het_kort="Een campagne van de stad.",
        )  # fmt: skip
        campagne.themas = rng.sample(themas, 2)
        index.add_child(instance=campagne)
        campagne.save_revision().publish()
        for a in range(per_campagne):
            org = rng.choice(orgs)
            page = ActiviteitPage(
                title=f"Activiteit {c + 1}.{a + 1}", slug=f"bench-activiteit-{c + 1}-{a + 1}",
                in_het_kort="Samen bewegen in de buurt.", campagne=campagne,
                aanbod=AanbodPage.objects.child_of(org).first(),
                herhaling=Herhaling.WEKELIJKS, eerste_dag=start + datetime.timedelta(days=a % 7),
                start_tijd=datetime.time(10), eind_tijd=datetime.time(12), herhaal_aantal=3,
            )  # fmt: skip
            page.wijken = [rng.choice(wijken)]
            page.themas = campagne.themas.all() if a % 2 else []
            org.add_child(instance=page)
            page.save_revision().publish()


def meldingen(aantal, rng):
    from django.utils import timezone

    from aanbod.models import AanbodPage
    from doorverwijzing.enums import MeldingStatus
    from doorverwijzing.models import Correctiemelding

    aanbod = list(AanbodPage.objects.values_list("pk", "title")[: aantal * 4])
    nu = timezone.now()
    Correctiemelding.objects.bulk_create(
        Correctiemelding(
            aanbod_id=pk,
            aanbod_titel=titel,
            bericht="Het uur klopt niet meer.",
            status=rng.choice((MeldingStatus.NIEUW, MeldingStatus.IN_BEHANDELING)),
            aangemaakt=nu - datetime.timedelta(days=rng.randrange(120)),
        )  # fmt: skip
        for pk, titel in rng.sample(aanbod, min(aantal, len(aanbod)))
    )


# -- the measurement ---------------------------------------------------------------------------


def _get(client, url):
    start = time.perf_counter()
    response = client.get(url)
    ms = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"HTTP {response.status_code}")
    return ms


def meet(user, runs, vendor):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cijfers.secties import SECTIES

    client = Client()
    client.force_login(user)
    client.get("/admin/")  # warm up the admin (menus, templates)
    print(f"\n{vendor}, {runs} runs per row (the first is in max)\n")
    print(f"| {'view':17} | {'period':12} | {'median ms':>9} | {'max ms':>7} | {'queries':>7} "
          f"| {'vs 1 s':>6} |")  # fmt: skip
    print(f"|{'-' * 19}|{'-' * 14}|{'-' * 11}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    for sectie in SECTIES:
        base = f"/admin/cijfers/{sectie.slug}/"
        for label, query in (("standaard", ""), ("12-maanden", "?periode=12-maanden"),
                             ("12-mnd xlsx", "?periode=12-maanden&formaat=xlsx")):  # fmt: skip
            try:
                times = [_get(client, base + query) for _ in range(runs)]
                with CaptureQueriesContext(connection) as queries:
                    _get(client, base + query)
            except Exception as error:  # a view under construction: report it, time the rest
                print(f"| {sectie.slug:17} | {label:12} | error: {error!r:.60} |", flush=True)
                continue
            median = statistics.median(times)
            print(f"| {sectie.slug:17} | {label:12} | {median:9.0f} | {max(times):7.0f} "
                  f"| {len(queries):7} | {median / DOEL_MS:6.2f} |", flush=True)  # fmt: skip


def vergelijk_filters(runs):
    """The most used filters over 12 months, three ways: summed from the day counts
    (ZoekTelling, what cijfers/vraag_telling.py does), split from the log's filter strings in
    SQL (json_each / unnest), and one conditional SUM(... LIKE ...) per known facet value."""
    from django.db import connection
    from django.utils import timezone

    from aanbod.models import ZoekStatistiek
    from cijfers import vraag_telling
    from cijfers.periode import lees_periode

    periode = lees_periode({"periode": "12-maanden"}, timezone.localdate())[0]
    van, tot = (connection.ops.adapt_datefield_value(d) for d in (periode.van, periode.tot))
    tabel = connection.ops.quote_name(ZoekStatistiek._meta.db_table)
    waar = "WHERE z.dag >= %s AND z.dag <= %s AND z.filters <> ''"
    if connection.vendor == "postgresql":
        split = (f"SELECT paar, SUM(z.aantal) AS n FROM {tabel} z CROSS JOIN LATERAL "
                 f"unnest(string_to_array(z.filters, '&')) AS paar {waar} "
                 "GROUP BY paar ORDER BY n DESC LIMIT 25")  # fmt: skip
    else:
        json = """'["' || replace(z.filters, '&', '","') || '"]'"""
        split = (f"SELECT j.value, SUM(z.aantal) AS n FROM {tabel} z, json_each({json}) j "
                 f"{waar} GROUP BY j.value ORDER BY n DESC LIMIT 25")  # fmt: skip
    paren = [f"{k}={v}" for k, waarden in _facetwaarden().items() for v in waarden]
    sommen = ", ".join(
        "SUM(CASE WHEN ('&' || z.filters || '&') LIKE %s THEN z.aantal ELSE 0 END)" for _ in paren
    )
    like = f"SELECT {sommen} FROM {tabel} z {waar}"
    like_params = [f"%&{p}&%" for p in paren] + [van, tot]

    def sql(text, params):
        def uitvoeren():
            with connection.cursor() as cursor:
                cursor.execute(text, params)
                return cursor.fetchall()

        return uitvoeren

    for label, functie in (
        ("day counts, ZoekTelling (used)", lambda: vraag_telling.filters(periode)),
        ("split in SQL from the log", sql(split, [van, tot])),
        (f"LIKE x {len(paren)} values on the log", sql(like, like_params)),
    ):  # fmt: skip
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            functie()
            times.append((time.perf_counter() - start) * 1000)
        print(f"filters, 12 months, {label}: median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms", flush=True)  # fmt: skip


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    main()
