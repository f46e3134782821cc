from django.core.management.base import BaseCommand, CommandError

from aanbod.enums import OrganisatieSoort
from aanbod.partners import maak_gebruiker, maak_organisatie


class Command(BaseCommand):
    help = (
        "Maak een organisatie met haar partnergroep, rechten en mediamap; "
        "optioneel met een partneraccount."
    )

    def add_arguments(self, parser):
        parser.add_argument("naam")
        parser.add_argument("--soort", required=True, choices=OrganisatieSoort.values)
        parser.add_argument("--slug")
        parser.add_argument("--email", default="", help="Algemeen e-mailadres van de organisatie")
        parser.add_argument("--gebruiker", help="Gebruikersnaam van een partneraccount")
        parser.add_argument("--gebruiker-email", default="")

    def handle(self, *args, **options):
        from aanbod.models import AanbodIndexPage

        if not AanbodIndexPage.objects.exists():
            raise CommandError(
                "De site is nog niet ingericht: voer eerst 'manage.py inrichten' uit."
            )
        organisatie, group = maak_organisatie(
            options["naam"], options["soort"], slug=options["slug"], email=options["email"]
        )
        self.stdout.write(f"Organisatie: {organisatie.title} ({organisatie.url_path})")
        self.stdout.write(f"Groep: {group.name}")
        if options["gebruiker"]:
            user = maak_gebruiker(options["gebruiker"], options["gebruiker_email"], group)
            self.stdout.write(
                f"Account: {user.username} (stel een wachtwoord in via 'Wachtwoord vergeten')"
            )
        self.stdout.write(self.style.SUCCESS("Klaar."))
