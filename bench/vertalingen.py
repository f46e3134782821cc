# ruff: noqa: T201  (a command-line benchmark: it prints)
"""What offer translations and vocabulary labels per language cost the search.

    .venv/bin/python bench/vertalingen.py [--size 5000] [--share 0.3] [--queries 30]

Not a test. SQLite and the Whoosh index in a temporary directory, removed at the end. Synthetic
offers (bench/bulk_aanbod.py); then `share` of them get four translations (fr, en, ar, tr, every
field filled). Measured without and with those translations: building every index document
(aanbod.search.documents: one more query per chunk of 2,000), the full rebuild, and the search
the pages run (aanbod.zoeken.zoek, 20 cards) in Dutch and in French (French: card labels from
label_fr, the translated titles of the page of results in one more query).
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
QUERIES = ["", "q=bewegen", "q=gezond&thema=beweging", "thema=mondzorg", "q=groep koken"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--share", type=float, default=0.3)
    parser.add_argument("--queries", type=int, default=30, help="repeats per query and language")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-vertalingen-")
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = tmp
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.dev"
    os.environ.pop("DATABASE_URL", None)
    os.environ["PREVENTIEZOEKER_SEARCH_BACKEND"] = (
        "preventiezoeker.search.whoosh_backend.WhooshBackend"
    )
    sys.path.insert(0, str(ROOT))
    try:
        run(args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ms(function, repeat=1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), sorted(times)[min(len(times) - 1, int(len(times) * 0.95))]


def run(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.http import QueryDict
    from django.utils import translation

    from aanbod.models import AanbodPage, AanbodVertaling
    from aanbod.search import documents
    from aanbod.zoeken import zoek
    from bench.bulk_aanbod import maak_bulk_aanbod
    from home.inrichting import richt_site_in
    from preventiezoeker.search.sync import rebuild

    call_command("migrate", verbosity=0)
    richt_site_in()
    maak_bulk_aanbod(args.size, seed=args.size)
    ids = list(AanbodPage.objects.order_by("pk").values_list("pk", flat=True))
    vertaald = ids[: int(len(ids) * args.share)]
    zin = "Texte traduit pour le client, assez long pour ressembler à une vraie phrase. "

    def metingen(label):
        rows = [
            (f"{label}: documents()", *ms(lambda: list(documents()), repeat=3)),
            (f"{label}: rebuild()", *ms(rebuild)),
        ]
        for taal in ("nl", "fr"):
            times = []
            for _ in range(args.queries):
                for q in QUERIES:
                    with translation.override(taal):
                        times.append(ms(lambda q=q: zoek(QueryDict(q), log=False))[0])
            rows.append((f"{label}: zoek() in {taal}", statistics.median(times),
                         sorted(times)[int(len(times) * 0.95)]))  # fmt: skip
        return rows

    rows = metingen("no translations")
    AanbodVertaling.objects.bulk_create(
        AanbodVertaling(
            aanbod_id=pk,
            taal=taal,
            sort_order=i,
            titel=zin[:80],
            in_het_kort=(zin * 4)[:300],
            prijs_toelichting=zin,
            inschrijving_tekst=zin,
            planning=zin[:100],
        )  # fmt: skip
        for pk in vertaald
        for i, taal in enumerate(("fr", "en", "ar", "tr"))
    )
    rows += metingen(f"{len(vertaald)} offers x 4 translations")

    print(f"\n{args.size} offers, SQLite + Whoosh; median and p95 in ms")
    print(f"{'what':<52} {'median':>9} {'p95':>9}")
    for what, median, p95 in rows:
        print(f"{what:<52} {median:9.1f} {p95:9.1f}")


if __name__ == "__main__":
    main()
