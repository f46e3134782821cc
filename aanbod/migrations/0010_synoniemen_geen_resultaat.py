from django.db import migrations

from aanbod.data.vocabularies import SYNONIEMEN


def laden(apps, schema_editor):
    """The seed's new words (zelfmoord, mental health, verslaving, geheugen, kinesist, ...);
    a word a coordinator already keeps is left as they made it."""
    Synoniem = apps.get_model("aanbod", "Synoniem")
    for term, uitbreidingen in SYNONIEMEN:
        Synoniem.objects.get_or_create(term=term, defaults={"uitbreidingen": uitbreidingen})


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0009_hulplijnen_laden")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
