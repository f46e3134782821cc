from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail.models import Site

from tqdm import tqdm

from aanbod.demo import laad_demo, load_demo_data
from aanbod.partners import maak_gebruiker, partner_group_name
from doorverwijzing.demo import laad_gezondheidsgidsen
from home.inrichting import richt_site_in
from home.models import SiteInstellingen
from kalender.demo import laad_kalender_demo
from kalender.models import Moment
from preventiezoeker.search.sync import rebuild

# Demo logins, also named in the README. Only ever created by this command.
DEMO_ADMIN = ("admin", "demo-admin")
DEMO_COORDINATOR = ("coordinator", "demo-coordinator")
DEMO_PARTNER = ("partner", "demo-partner", "wgc-rabot")


class Command(BaseCommand):
    help = "Laad de Gentse voorbeeldgegevens (idempotent): organisaties, aanbod en demo-logins."

    def handle(self, *args, **options):
        from django.contrib.auth.models import Group

        from aanbod.models import OrganisatiePage

        home, _index, coordinators = richt_site_in()
        data = load_demo_data()
        total = sum(len(org["aanbod"]) for org in data["organisaties"])
        with tqdm(total=total, desc="Aanbod", unit="aanbod", disable=None) as bar:
            organisaties, created = laad_demo(data, progress=bar)

        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN[0]).exists():
            User.objects.create_superuser(DEMO_ADMIN[0], "admin@example.org", DEMO_ADMIN[1])
        maak_gebruiker(
            DEMO_COORDINATOR[0], "coordinator@example.org", coordinators,
            wachtwoord=DEMO_COORDINATOR[1], first_name="Demo", last_name="Coördinator",
        )  # fmt: skip
        partner_org = OrganisatiePage.objects.get(slug=DEMO_PARTNER[2])
        maak_gebruiker(
            DEMO_PARTNER[0], "partner@example.org",
            Group.objects.get(name=partner_group_name(partner_org)),
            wachtwoord=DEMO_PARTNER[1], first_name="Demo", last_name="Partner",
        )  # fmt: skip

        campagnes, activiteiten = laad_kalender_demo()
        laad_gezondheidsgidsen()
        indexed = rebuild()
        site = Site.objects.get(is_default_site=True)
        instellingen = SiteInstellingen.for_site(site)
        instellingen.voorbeeldgegevens = True
        instellingen.save()

        self.stdout.write(
            self.style.SUCCESS(
                f"{len(organisaties)} organisaties, {total} aanbod ({created} nieuw), "
                f"{indexed} vindbaar. "
                f"Kalender: {len(campagnes)} campagnes, {activiteiten} nieuwe activiteiten, "
                f"{Moment.objects.count()} momenten. "
                f"Coördinator: {DEMO_COORDINATOR[0]} / {DEMO_COORDINATOR[1]}, "
                f"partner ({partner_org.title}): {DEMO_PARTNER[0]} / {DEMO_PARTNER[1]}, "
                f"beheerder: {DEMO_ADMIN[0]} / {DEMO_ADMIN[1]}."
            )
        )
        if not settings.DEBUG:
            self.stdout.write("Let op: voorbeeldgegevens staan aan (zie Instellingen).")
