"""Seeds the officialese list with words Ghent's own plain-language advice and the Taalunie's
"Direct Duidelijk" list flag most often. Coordinators extend it in the admin."""

from django.db import migrations

WOORDEN = {
    "teneinde": "om",
    "middels": "met, via",
    "inzake": "over",
    "ten behoeve van": "voor",
    "ten aanzien van": "over",
    "in het kader van": "bij, voor",
    "met betrekking tot": "over",
    "in samenspraak met": "samen met",
    "ter beschikking": "je krijgt, je kan gebruiken",
    "in aanmerking": "je mag, je kan",
    "desalniettemin": "toch",
    "woonachtig": "wonen",
    "trachten": "proberen",
    "laagdrempelig": "iedereen is welkom, het is makkelijk om te komen",
    "psychosociaal": "",
    "multidisciplinair": "",
    "holistisch": "",
    "alsook": "en ook",
    "derhalve": "daarom",
    "dientengevolge": "daardoor",
    "bijgevolg": "daarom",
    "indien": "als",
    "mits": "als",
    "omtrent": "over",
    "conform": "volgens",
    "reeds": "al",
    "thans": "nu",
    "tevens": "ook",
    "voorts": "verder",
    "vooralsnog": "nu nog",
    "doch": "maar",
    "alvorens": "voor, eerst",
    "aanvangen": "beginnen",
    "verstrekken": "geven",
    "faciliteren": "helpen, mogelijk maken",
    "participeren": "meedoen",
    "sensibiliseren": "uitleggen, bewust maken",
    "sensibilisering": "uitleg",
    "toeleiding": "helpen de weg te vinden",
    "gelieve": "wil je",
    "voornoemd": "die, deze",
    "doelgroep": "voor wie",
}


def laden(apps, schema_editor):
    AmbtelijkWoord = apps.get_model("schrijfhulp", "AmbtelijkWoord")
    for woord, zeg_liever in WOORDEN.items():
        AmbtelijkWoord.objects.get_or_create(woord=woord, defaults={"zeg_liever": zeg_liever})


def wissen(apps, schema_editor):
    apps.get_model("schrijfhulp", "AmbtelijkWoord").objects.filter(woord__in=WOORDEN).delete()


class Migration(migrations.Migration):
    dependencies = [("schrijfhulp", "0001_ambtelijk_woord")]
    operations = [migrations.RunPython(laden, wissen)]
