"""Daily, from cron (see README, "Aanbod actueel houden"):

    15 6 * * *  cd /srv/preventiezoeker && .venv/bin/python manage.py aanbod_nakijken

Safe to run more than once a day: what was mailed is recorded, nothing is sent twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nakijken.ronde import ronde


class Command(BaseCommand):
    help = (
        "Mail de partners over aanbod dat nagekeken moet worden, stuur herinneringen, "
        "verwittig de coördinatoren en werk de zoekindex bij voor verouderd aanbod."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Toon wat er zou gebeuren; verstuur niets en verander niets.",
        )  # fmt: skip
        parser.add_argument(
            "--vandaag", help="Doe alsof het deze dag is (JJJJ-MM-DD), om te testen."
        )

    def handle(self, *args, dry_run=False, vandaag=None, **options):
        if vandaag:
            try:
                dag = datetime.date.fromisoformat(vandaag)
            except ValueError as exc:
                raise CommandError(f"Ongeldige datum {vandaag!r}: gebruik JJJJ-MM-DD.") from exc
        else:
            dag = timezone.localdate()
        verslag = ronde(dag, dry_run=dry_run)
        zou = "zou " if dry_run else ""
        w = self.stdout.write
        if dry_run:
            w("Proefdraai: er wordt niets verstuurd en niets veranderd.")
        for mail in verslag.mails:
            w(f"Mail {zou}naar {', '.join(mail.to) or '(niemand)'}: {mail.subject}")
        for verzoek in verslag.nieuw:
            w(f"  nieuw verzoek: {verzoek.aanbod.title} (ontvangers: {len(verzoek.ontvangers)})")
        for verzoek in verslag.herinnerd:
            w(f"  herinnering: {verzoek.aanbod.title}")
        for verzoek in verslag.coordinator:
            w(f"  coördinator verwittigd: {verzoek.aanbod.title}")
        for verzoek in verslag.afgesloten:
            w(f"  afgesloten ({verzoek.afgesloten_reden}): {verzoek.aanbod.title}")
        w(
            f"{dag.isoformat()}: {len(verslag.nieuw)} nieuwe verzoeken, "
            f"{len(verslag.herinnerd)} herinneringen, {len(verslag.coordinator)} aan de "
            f"coördinator gemeld, {len(verslag.afgesloten)} afgesloten, {len(verslag.mails)} "
            f"mails {'zouden verstuurd worden' if dry_run else 'in de wachtrij'}, "
            f"{verslag.herindexeerd} in de zoekindex bijgewerkt."
        )
