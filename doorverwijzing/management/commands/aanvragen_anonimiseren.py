import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from doorverwijzing.models import Aanvraag, Correctiemelding


class Command(BaseCommand):
    help = (
        "Wis naam, e-mail, telefoon en vrije tekst van afgesloten aanvragen voor een "
        "gezondheidsgids, ouder dan N maanden. Taal, wijk en soort blijven voor de cijfers. "
        "Wis ook het e-mailadres van de melder bij meldingen 'Klopt er iets niet?' die even "
        "lang afgesloten zijn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--maanden", type=int, default=12)

    def handle(self, *args, maanden, **options):
        grens = timezone.now() - datetime.timedelta(days=30 * maanden)
        aantal = Aanvraag.objects.gesloten_voor(grens).anonimiseer()
        self.stdout.write(f"{aantal} aanvragen geanonimiseerd (afgesloten vóór {grens:%d-%m-%Y}).")
        # The same retention: a closed report needs its reporter's address no longer.
        meldingen = Correctiemelding.objects.afgehandeld_voor(grens).anonimiseer()
        self.stdout.write(
            f"{meldingen} meldingen zonder e-mailadres (afgesloten vóór {grens:%d-%m-%Y})."
        )
