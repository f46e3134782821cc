# ruff: noqa: T201  (a command-line benchmark: it prints)
"""What the freshness loop costs, on synthetic offers checked 0-730 days ago (about half stale).

    .venv/bin/python bench/nakijken.py [--sizes 2000 10000] [--queries 40]

Not a test. SQLite and the Whoosh index in a temporary directory, removed at the end.
Per size: the daily round (aanbod_nakijken) the first time (every due offer gets a request;
20 organisations have a partner account, so mails are rendered and queued) and a second time the
same day (nothing left to do); and the engine's text search, median and p95 over the same
queries (text caches emptied before each: a new query), with stale offers sinking (the
registered source) and without (demote=None).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WOORDEN = ["bewegen", "gezond", "groep", "koken", "wandelen", "roken", "buurt", "kinderen"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-nakijken-")
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = tmp
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.dev"
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ["PREVENTIEZOEKER_SEARCH_BACKEND"] = (
        "preventiezoeker.search.whoosh_backend.WhooshBackend"
    )
    sys.path.insert(0, str(ROOT))
    try:
        run(args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def run(args):
    import django

    django.setup()
    import dataclasses

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from aanbod.models import AanbodPage, OrganisatiePage
    from aanbod.partners import PARTNER_PAGE_PERMISSIONS, maak_gebruiker
    from aanbod.search import SOURCE_SCHEMA
    from bench.bulk_aanbod import maak_bulk_aanbod
    from home.inrichting import richt_site_in
    from nakijken.models import Nakijkverzoek
    from nakijken.ronde import ronde
    from preventiezoeker.outbox.models import OutgoingMail
    from preventiezoeker.permissions import grant_page_permissions
    from preventiezoeker.search import (
        SearchQuery,
        get_backend,
        register_source,
        reset_backend,
        search,
    )
    from preventiezoeker.search.sync import rebuild

    call_command("migrate", verbosity=0)
    richt_site_in()
    vandaag = timezone.localdate()
    rows = []
    gemaakt = 0
    for size in sorted(args.sizes):
        maak_bulk_aanbod(size - gemaakt, seed=size)
        gemaakt = size
        from django.contrib.auth.models import Group

        for n, organisatie in enumerate(OrganisatiePage.objects.order_by("pk")[:20]):
            group, _ = Group.objects.get_or_create(name=f"Bench {organisatie.pk}")
            grant_page_permissions(group, organisatie, PARTNER_PAGE_PERMISSIONS)
            maak_gebruiker(f"bench-{organisatie.pk}", f"p{n}@example.org", group)
        Nakijkverzoek.objects.all().delete()
        OutgoingMail.objects.all().delete()
        verslag, eerste = timed(lambda: ronde(vandaag))
        tweede_verslag, tweede = timed(lambda: ronde(vandaag))
        assert not tweede_verslag.nieuw and not tweede_verslag.mails
        rebuild()
        stale = AanbodPage.objects.live().filter(
            laatst_nagekeken__lte=vandaag.replace(year=vandaag.year - 1)
        )
        search_ms = {}
        for label, source in (
            ("sinking", SOURCE_SCHEMA),
            ("without", dataclasses.replace(SOURCE_SCHEMA, demote=None)),
        ):
            register_source(source)
            reset_backend()
            search(SearchQuery(text="warm"))  # open the index, build the per-day cache
            times = []
            for q in range(args.queries):
                words = f"{WOORDEN[q % len(WOORDEN)]} {WOORDEN[(q * 3 + 1) % len(WOORDEN)]}"
                cache = get_backend()._state()[1]  # a new query: no cached text or postings
                cache.text_results.clear()
                cache.term_postings.clear()
                _r, took = timed(lambda w=words: search(SearchQuery(text=w)))
                times.append(took * 1000)
            search_ms[label] = (statistics.median(times), sorted(times)[int(len(times) * 0.95)])
        register_source(SOURCE_SCHEMA)
        rows.append((size, stale.count(), len(verslag.nieuw), len(verslag.mails), eerste,
                     tweede, search_ms))  # fmt: skip
    print(f"\nSQLite {connection.Database.sqlite_version}, Whoosh; today {vandaag}")
    print(
        f"{'offers':>7} {'stale':>6} {'requests':>8} {'mails':>5} {'round 1 s':>9} "
        f"{'round 2 s':>9} {'search ms med/p95 sinking':>26} {'without':>14}"
    )
    for size, stale, nieuw, mails, eerste, tweede, ms in rows:
        sink, plain = ms["sinking"], ms["without"]
        print(
            f"{size:>7} {stale:>6} {nieuw:>8} {mails:>5} {eerste:>9.2f} {tweede:>9.2f} "
            f"{sink[0]:>14.1f} / {sink[1]:<9.1f} {plain[0]:>6.1f} / {plain[1]:<6.1f}"
        )


if __name__ == "__main__":
    main()
