"""Demo gezondheidsgidsen and one open request, so the coordinator can try matching.

Made-up first names; idempotent (matched by name)."""

from aanbod.models import Taal, Wijk
from doorverwijzing.enums import Dringendheid, Taak
from doorverwijzing.models import Aanvraag, Gezondheidsgids

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
    return created
