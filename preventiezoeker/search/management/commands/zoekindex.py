from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from preventiezoeker.search import IndexDamaged, SearchUnavailable, get_backend, heal
from preventiezoeker.search.models import IndexTaak
from preventiezoeker.search.sources import all_sources
from preventiezoeker.search.sync import flush


class Command(BaseCommand):
    help = (
        "Herbouw de zoekindex uit de database (standaard), toon de status, of werk bij "
        "(--wachtrij: herstel een beschadigde index en verwerk de wachtrij; voor cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--status", action="store_true", help="Toon of de index werkt.")
        parser.add_argument(
            "--wachtrij",
            action="store_true",
            help="Werk bij: herbouw een beschadigde index en verwerk de wachtrij. Stopt met "
            "code 1 als er nog wijzigingen wachten.",
        )

    def handle(self, *args, status=False, wachtrij=False, **options):
        if status:
            info = get_backend().status()
            label = "in orde" if info["ok"] else f"NIET in orde ({info['detail']})"
            self.stdout.write(f"Zoekindex {label}: {info['documents']} documenten.")
            self.stdout.write(f"Wachtrij: {IndexTaak.objects.count()} wijzigingen.")
            return
        if wachtrij:
            self.update()
            return
        self.rebuild()

    def rebuild(self):
        total = sum(source.count() for source in all_sources())
        with tqdm(total=total, desc="Zoekindex", unit="doc", disable=None) as bar:
            try:
                count = heal.rebuild_now("beheerscommando", progress=bar.update)
            except heal.Busy as exc:
                raise CommandError(str(exc)) from exc
            except Exception as exc:  # recorded for the admin page too
                raise CommandError(f"Herbouw mislukt: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Zoekindex herbouwd: {count} documenten."))

    def update(self):
        """Idempotent, for cron: heals what a failed write or a damaged index left behind."""
        try:
            heal.check(get_backend())
        except IndexDamaged as exc:
            self.stdout.write(f"Zoekindex beschadigd ({exc}): herbouwen.")
            try:
                self.rebuild()
            except CommandError as error:
                self.stderr.write(str(error))
        except SearchUnavailable as exc:  # unreachable for now, not damaged: the queue waits
            self.stderr.write(f"Zoekindex niet bereikbaar: {exc}")
        try:
            applied = flush(timeout=30)
        except Exception as exc:  # a full disk, a fault: the queue keeps the tasks
            self.stderr.write(f"Bijwerken mislukt: {exc}")
        else:
            self.stdout.write(f"{applied} wijzigingen verwerkt.")
        left = IndexTaak.objects.count()
        if left:
            raise CommandError(f"{left} wijzigingen wachten nog; probeer het straks opnieuw.")
