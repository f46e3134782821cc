from django.core.management.base import BaseCommand
from django.db import transaction

from kalender.models import ActiviteitPage, Moment


class Command(BaseCommand):
    help = (
        "Bouw de opgeslagen momenten van alle gepubliceerde activiteiten opnieuw op "
        "(na een update van de tijdzonegegevens of een herstelde database)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        live = ActiviteitPage.objects.live().prefetch_related("losse_data", "uitzonderingen")
        Moment.objects.exclude(activiteit__in=live.values("pk")).delete()
        for activiteit in live:
            activiteit.bouw_momenten()
        self.stdout.write(
            self.style.SUCCESS(
                f"{live.count()} activiteiten, {Moment.objects.count()} momenten opgeslagen."
            )
        )
