from django.db import migrations

from aanbod.data.crisis import GEWELD_ANDERE_TALEN, HULPLIJNEN_VERTAALD, ZELFMOORD_ANDERE_TALEN

WOORDEN = {
    "Zelfmoordlijn": ZELFMOORD_ANDERE_TALEN,
    "Tele-Onthaal": f"{ZELFMOORD_ANDERE_TALEN}, {GEWELD_ANDERE_TALEN}",
    "1712": GEWELD_ANDERE_TALEN,
}


def laden(apps, schema_editor):
    """Fill only what the coordinator left empty, and add only words the line lacks."""
    Hulplijn = apps.get_model("aanbod", "Hulplijn")
    for lijn in Hulplijn.objects.filter(naam__in=HULPLIJNEN_VERTAALD):
        namen, teksten = HULPLIJNEN_VERTAALD[lijn.naam]
        for code, tekst in namen.items():
            if not getattr(lijn, f"naam_{code}"):
                setattr(lijn, f"naam_{code}", tekst)
        for code, tekst in teksten.items():
            if not getattr(lijn, f"tekst_{code}"):
                setattr(lijn, f"tekst_{code}", tekst)
        if extra := WOORDEN.get(lijn.naam):
            bestaand = [w.strip() for w in lijn.woorden.split(",") if w.strip()]
            nieuw = [w.strip() for w in extra.split(",") if w.strip() not in bestaand]
            lijn.woorden = ", ".join(bestaand + nieuw)
        lijn.save()


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0013_hulplijnen_vertaald")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
