from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from preventiezoeker.search import get_backend
from preventiezoeker.search.sources import all_sources
from preventiezoeker.search.sync import flush, rebuild


class Command(BaseCommand):
    help = (
        "Herbouw de zoekindex uit de database (standaard), of toon de status / verwerk de wachtrij."
    )

    def add_arguments(self, parser):
        parser.add_argument("--status", action="store_true", help="Toon of de index werkt.")
        parser.add_argument("--wachtrij", action="store_true", help="Verwerk enkel de wachtrij.")

    def handle(self, *args, status=False, wachtrij=False, **options):
        if status:
            info = get_backend().status()
            label = "in orde" if info["ok"] else f"NIET in orde ({info['detail']})"
            self.stdout.write(f"Zoekindex {label}: {info['documents']} documenten.")
            return
        if wachtrij:
            self.stdout.write(f"{flush(timeout=30)} wijzigingen verwerkt.")
            return
        total = sum(source.count() for source in all_sources())
        with tqdm(total=total, desc="Zoekindex", unit="doc", disable=None) as bar:
            try:
                count = rebuild(progress=bar.update)
            except RuntimeError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Zoekindex herbouwd: {count} documenten."))
