# ruff: noqa: T201  (a command-line benchmark: it prints)
"""How long an import of offers takes: the dry run (upload, read, check, store) and applying
(one transaction, through Wagtail revisions), for a partner (drafts submitted for approval) and
the coordinator (published), and a second import that changes every offer by its id.

    .venv/bin/python bench/importeren.py [--sizes 30 300 1000] [--baseline /tmp/old-tree]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> .venv/bin/python bench/importeren.py

--baseline runs the same measurement first on another checkout (`git worktree add /tmp/old
<commit>`), in the same session and on the same kind of database (PostgreSQL: a second empty
database in BASELINE_DATABASE_URL), and prints the ratio
old / new per line: the machine's load then weighs on both alike. --baseline-sizes limits the
old code to smaller files (it is slow). The 60 s target is for 1,000 rows, per line.

Not a test. Works in a temporary directory (SQLite file, search index), removed afterwards; with
DATABASE_URL in that (empty, throwaway) database. The dry run goes through the admin view
(django.test.Client, a real CSV upload); applying runs toepassen.voer_uit as the background
thread does, timed until its transaction has committed; "apply cpu s" is this process's CPU
time for it (less sensitive to other load on a shared machine; PostgreSQL's own work excluded).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KOPPEN = [
    "id", "titel", "in het kort", "beschrijving", "thema's", "doelgroepen", "talen", "wijken",
    "vorm", "prijs", "bedrag", "hoe inschrijven", "telefoon", "wanneer",
]  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300, 1000])
    parser.add_argument("--baseline", help="another checkout to measure first (old code)")
    parser.add_argument("--baseline-sizes", type=int, nargs="+")
    parser.add_argument("--tree", help=argparse.SUPPRESS)  # the code to measure
    parser.add_argument("--json", help=argparse.SUPPRESS)  # where to write the figures
    args = parser.parse_args()
    oud = {}
    if args.baseline:
        oud = baseline(args)
    tmp = tempfile.mkdtemp(prefix="bench-importeren-")
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = tmp
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.dev"
    sys.path.insert(0, str(Path(args.tree).resolve() if args.tree else ROOT))
    try:
        figures = run(args, oud)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(figures))


def baseline(args):
    """The same measurement on the old checkout, in a process of its own."""
    uit = Path(tempfile.mkdtemp(prefix="bench-importeren-oud-")) / "oud.json"
    sizes = args.baseline_sizes or args.sizes
    print(f"baseline: {args.baseline} (sizes {' '.join(map(str, sizes))})", flush=True)
    env = dict(os.environ)
    if "DATABASE_URL" in env:  # each run needs an empty database of its own
        env["DATABASE_URL"] = os.environ["BASELINE_DATABASE_URL"]
    subprocess.run(
        [sys.executable, __file__, "--tree", args.baseline, "--json", str(uit), "--sizes",
         *map(str, sizes)],
        check=True, stdout=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    return {tuple(k.split("|")): v for k, v in json.loads(uit.read_text()).items()}


def csv_bestand(rijen, vocab, ids=None, versie=""):
    """`rijen` offers with varied values, as a Belgian Excel CSV (UTF-8 BOM, `;`)."""
    import csv
    import io
    import random

    rng = random.Random(rijen)
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(KOPPEN)
    for n in range(rijen):
        prijs = rng.choice(
            [
                ["Gratis"],
                ["Kansentarief / UiTPAS"],
                ["Betalend"],
                ["Betalend", "Kansentarief / UiTPAS"],
            ]
        )
        schrijver.writerow([
            ids[n] if ids else "",
            f"Aanbod {n + 1} {versie}".strip(),
            f"Samen bewegen en gezond eten in de buurt, week {n % 52 + 1}. {versie}".strip(),
            "Een groep die elke week samenkomt.\n\nGratis koffie na afloop.",
            ", ".join(rng.sample(vocab["themas"], rng.randint(1, 2))),
            ", ".join(rng.sample(vocab["doelgroepen"], rng.randint(0, 2))),
            ", ".join(rng.sample(vocab["talen"], rng.randint(1, 3))),
            ", ".join(rng.sample(vocab["wijken"], rng.randint(0, 2))),
            "Groepsaanbod",
            ", ".join(prijs),
            "4,50" if "Betalend" in prijs else "",
            "Inschrijven",
            "+32 9 123 45 67",
            f"Elke {['maandag', 'dinsdag', 'woensdag'][n % 3]} van 14 tot 16 uur",
        ])  # fmt: skip
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


class Teller:
    """Counts the queries this thread's connection runs (execute_wrapper)."""

    def __init__(self):
        self.aantal = 0

    def __call__(self, execute, sql, params, many, context):
        self.aantal += 1
        return execute(sql, params, many, context)


def run(args, oud):
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from aanbod.models import AanbodPage
    from aanbod.partners import maak_gebruiker, maak_organisatie
    from home.inrichting import richt_site_in
    from importeren.kolommen import woordenlijsten
    from importeren.models import ImportTaak
    from importeren.toepassen import voer_uit

    settings.ALLOWED_HOSTS = ["*"]
    settings.IMPORT_MAX_RIJEN = max(args.sizes)
    settings.IMPORT_VERWERKING = "inline"  # claimed by the view, run here to time it
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("migrate", verbosity=0)
    _home, _index, coordinatoren = richt_site_in()
    coordinator = maak_gebruiker("coord", "c@example.org", coordinatoren, wachtwoord="x")
    woorden = woordenlijsten()
    vocab = {veld: [str(w) for w in woorden[veld].values()] for veld in
             ("themas", "doelgroepen", "talen", "wijken")}  # fmt: skip

    load = os.getloadavg()[0]
    print(f"database: {connection.vendor}; Python {sys.version.split()[0]}; load {load:.1f}")
    print(
        f"{'rows':>5} {'who':<11} {'kind':<8} {'dry s':>6} {'dry q/row':>9} {'apply s':>8} "
        f"{'cpu s':>6} {'q/row':>6} {'60 s':>4} {'old s':>7} {'old/new':>7}"
    )
    figures = {}
    for aantal in args.sizes:
        org, groep = maak_organisatie(f"Bench {aantal}", "vereniging", slug=f"bench-{aantal}")
        partner = maak_gebruiker(f"partner-{aantal}", f"p{aantal}@example.org", groep,
                                 wachtwoord="x")  # fmt: skip
        for wie, user, extra in (("partner", partner, {}), ("coordinator", coordinator,
                                                         {"organisatie": org.pk})):  # fmt: skip
            client = Client()
            client.force_login(user)
            ids = None
            for soort in ("nieuw", "wijzigen"):
                inhoud = csv_bestand(aantal, vocab, ids=ids, versie="v2" if ids else "")
                bestand = SimpleUploadedFile("bench.csv", inhoud, content_type="text/csv")
                teller = Teller()
                begin = time.perf_counter()
                with connection.execute_wrapper(teller):
                    response = client.post("/admin/importeren/", {"bestand": bestand, **extra})
                droog, droog_q = time.perf_counter() - begin, teller.aantal
                taak = ImportTaak.objects.order_by("-pk").first()
                assert response.status_code == 302 and taak.status == "gecontroleerd", (
                    taak.fouten[:3] if taak else response.content[:500]
                )
                ImportTaak.objects.filter(pk=taak.pk).update(status="bezig")
                teller = Teller()
                begin, cpu = time.perf_counter(), time.process_time()
                with connection.execute_wrapper(teller):
                    voer_uit(taak.pk)
                toepassen = time.perf_counter() - begin
                cpu = time.process_time() - cpu
                taak.refresh_from_db()
                assert taak.status == "klaar", taak.melding
                ids = taak.nieuw_ids or ids
                sleutel = (str(aantal), wie, soort)
                figures["|".join(sleutel)] = toepassen
                vorig = oud.get(sleutel)
                doel = ("ja" if toepassen < 60 else "nee") if aantal >= 1000 else ""
                print(f"{aantal:>5} {wie:<11} {soort:<8} {droog:>6.2f} {droog_q / aantal:>9.1f} "
                      f"{toepassen:>8.2f} {cpu:>6.2f} {teller.aantal / aantal:>6.1f} {doel:>4} "
                      + (f"{vorig:>7.1f} {vorig / toepassen:>6.1f}x" if vorig else ""),
                      flush=True)  # fmt: skip
    print(f"offers in the database: {AanbodPage.objects.count()}")
    return figures


if __name__ == "__main__":
    main()
