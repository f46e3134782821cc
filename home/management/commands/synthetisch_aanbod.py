"""In home, the top app, because it sets up the page tree (richt_site_in) before adding offers."""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from aanbod.demo import maak_synthetisch
from home.inrichting import richt_site_in
from preventiezoeker.search.sync import rebuild


class Command(BaseCommand):
    help = "Maak N verzonnen, gepubliceerde aanbodpagina's (voor benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("aantal", type=int)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, aantal, seed, **options):
        if not 1 <= aantal <= 1_000_000:
            raise CommandError("Kies een aantal tussen 1 en 1.000.000.")
        richt_site_in()
        with tqdm(total=aantal, desc="Synthetisch aanbod", unit="aanbod", disable=None) as bar:
            maak_synthetisch(aantal, seed=seed, progress=bar)
        self.stdout.write(self.style.SUCCESS(f"{aantal} aanbod aangemaakt; {rebuild()} vindbaar."))
