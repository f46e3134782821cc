from django.db import migrations

from aanbod.data.vocabularies import SYNONIEMEN


def laden(apps, schema_editor):
    Synoniem = apps.get_model("aanbod", "Synoniem")
    for term, uitbreidingen in SYNONIEMEN:
        Synoniem.objects.update_or_create(term=term, defaults={"uitbreidingen": uitbreidingen})


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0003_synoniemen_zoekstatistiek")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
