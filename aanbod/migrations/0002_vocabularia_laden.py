"""Load the vocabularies (wijken, thema's, doelgroepen, talen, toegankelijkheid)."""

from django.db import migrations

from aanbod.data import vocabularies as data


def laden(apps, schema_editor):
    def upsert(model_name, rows, **extra):
        model = apps.get_model("aanbod", model_name)
        for row in rows:
            slug, label, *rest = row
            defaults = {"label": label, **{k: f(rest) for k, f in extra.items()}}
            model.objects.update_or_create(slug=slug, defaults=defaults)

    upsert("Wijk", data.WIJKEN)
    upsert("Thema", data.THEMAS, uitleg=lambda rest: rest[0])
    upsert("Doelgroep", data.DOELGROEPEN)
    upsert("Taal", data.TALEN)
    toegankelijkheid = [(slug, label, groep) for groep, slug, label in data.TOEGANKELIJKHEID]
    upsert("Toegankelijkheid", toegankelijkheid, groep=lambda rest: rest[0])


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
