"""Demo gezondheidsgidsen and one open request, so the coordinator can try matching; one open
"Klopt er iets niet?" report about an offer of the demo partner (Rabot), so both can try it.

Made-up first names; idempotent (matched by name)."""

from aanbod.models import AanbodPage, OrganisatiePage, Taal, Wijk
from doorverwijzing.enums import Dringendheid, Taak
from doorverwijzing.models import Aanvraag, Correctiemelding, Gezondheidsgids

DEMO_MELDER = "demo-melder@example.org"

GIDSEN = [
    ("Fatima (demo)", ["ar", "nl", "fr"], ["rabot-blaisantvest", "brugse-poort-rooigem"],
     "Maandag en donderdag overdag"),
    ("Zeynep (demo)", ["tr", "nl"], ["ledeberg", "dampoort"], "Dinsdagvoormiddag"),
    ("Ivan (demo)", ["bg", "ru", "nl"], ["sluizeken-tolhuis-ham", "muide-meulestede-afrikalaan"],
     "Woensdag en vrijdag"),
    ("Amina (demo)", ["so", "en", "nl"], [], "Na afspraak, in heel Gent"),
    ("Mehmet (demo)", ["tr", "ku", "nl"], ["brugse-poort-rooigem", "nieuw-gent-uz"],
     "Weekdagen na 16 uur"),
]  # fmt: skip


def laad_gezondheidsgidsen():
    """Returns the number of gidsen created."""
    created = 0
    for naam, talen, wijken, beschikbaarheid in GIDSEN:
        gids, nieuw = Gezondheidsgids.objects.get_or_create(
            naam=naam, defaults={"beschikbaarheid": beschikbaarheid}
        )
        if nieuw:
            gids.talen.set(Taal.objects.filter(slug__in=talen))
            gids.wijken.set(Wijk.objects.filter(slug__in=wijken))
            created += 1
    if not Aanvraag.objects.filter(email="demo-hulpverlener@example.org").exists():
        aanvraag = Aanvraag.objects.create(
            organisatie="CAW Oost-Vlaanderen (demo)",
            naam="Demo Hulpverlener",
            email="demo-hulpverlener@example.org",
            wijk=Wijk.objects.filter(slug="rabot-blaisantvest").first(),
            taak=Taak.TOELEIDEN_LEEFSTIJL,
            dringendheid=Dringendheid.BINNEN_MAAND,
            vraag="Samen naar de eerste les van een beweeggroep gaan.",
        )
        aanvraag.talen.set(Taal.objects.filter(slug="ar"))
    laad_melding()
    return created


def laad_melding():
    if Correctiemelding.objects.filter(email=DEMO_MELDER).exists():
        return
    aanbod = AanbodPage.objects.live()
    rabot = OrganisatiePage.objects.filter(title__icontains="Rabot").first()
    page = (aanbod.descendant_of(rabot) if rabot else aanbod).order_by("path").first()
    if page is not None:
        Correctiemelding.objects.create(
            aanbod=page, aanbod_titel=page.title, email=DEMO_MELDER,
            bericht="Op de deur staat dat het nu op dinsdag is, niet op maandag. (demo)",
        )  # fmt: skip
