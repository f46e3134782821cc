from django.db import migrations

from aanbod.data.crisis import HULPLIJNEN


def laden(apps, schema_editor):
    Hulplijn = apps.get_model("aanbod", "Hulplijn")
    for naam, nummer, tekst, link, woorden, volgorde in HULPLIJNEN:
        Hulplijn.objects.get_or_create(
            naam=naam,
            defaults={
                "nummer": nummer, "tekst": tekst, "link": link, "woorden": woorden,
                "volgorde": volgorde,
            },
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0008_hulplijnen")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
