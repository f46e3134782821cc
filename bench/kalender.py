# ruff: noqa: T201  (a command-line benchmark: it prints)
"""Render times of the calendar on the demo data (and optionally more), with Django's test client.

    .venv/bin/python bench/kalender.py [--requests 20] [--extra 200]

Not a test. Works in a temporary directory (SQLite + index), removed afterwards: migrate, the
demo command, then --extra weekly activities of a year (52 occurrences each) if asked; prints the
number of stored occurrences and the median/p95 over --requests GETs per calendar URL.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--extra", type=int, default=0, help="extra weekly activities")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-kalender-")
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = tmp
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.dev"
    sys.path.insert(0, str(ROOT))
    try:
        run(args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def extra_activities(count):
    import datetime

    from django.utils import timezone

    from aanbod.models import OrganisatiePage, Wijk
    from kalender.enums import Herhaling
    from kalender.models import ActiviteitPage

    orgs = list(OrganisatiePage.objects.all())
    wijken = list(Wijk.objects.all())
    today = timezone.localdate()
    for n in range(count):
        page = ActiviteitPage(
            title=f"Extra wekelijkse activiteit {n}",
            in_het_kort="Elke week samen bewegen.",
            herhaling=Herhaling.WEKELIJKS,
            eerste_dag=today + datetime.timedelta(days=n % 7),
            start_tijd=datetime.time(9 + n % 10),
            eind_tijd=datetime.time(10 + n % 10),
            herhaal_aantal=52,
        )
        page.wijken = [wijken[n % len(wijken)]]
        orgs[n % len(orgs)].add_child(instance=page)
        page.save_revision().publish()


def run(args):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from kalender.models import ActiviteitPage, CampagnePage, Moment

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo loaded in {time.perf_counter() - started:.1f} s")
    if args.extra:
        started = time.perf_counter()
        extra_activities(args.extra)
        print(f"{args.extra} extra activities in {time.perf_counter() - started:.1f} s")
    campagne = CampagnePage.objects.live().order_by("start").first()
    print(
        f"activities: {ActiviteitPage.objects.live().count()}, "
        f"occurrences stored: {Moment.objects.count()}"
    )
    urls = [
        "/kalender/",
        "/kalender/?periode=deze-maand&wijk=rabot-blaisantvest",
        "/kalender/?weergave=maand",
        "/kalender/?van=2026-01-01&tot=2099-01-01",
        campagne.url,
        "/kalender/ical/",
        "/kalender/atom/",
        "/api/v1/kalender/",
    ]
    client = Client()
    print(f"\n{'URL':58} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'KB':>6}")
    for url in urls:
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(
            f"{url[:58]:58} {response.status_code:>6} {statistics.median(timings):>10.1f} "
            f"{p95:>8.1f} {len(response.content) / 1024:>6.0f}"
        )


if __name__ == "__main__":
    main()
