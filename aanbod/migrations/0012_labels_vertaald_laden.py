"""The seeded vocabularies' labels (and the themes' explanations) in fr, en, ar and tr.

A translation a coordinator already wrote is kept. Wijken keep their Dutch names. The offers'
index documents carry the labels as words, so every offer is queued for reindexing.
"""

from django.db import migrations

from aanbod.data.vocabularies_vertaald import LABEL_TALEN, PER_MODEL, THEMA_UITLEG


def _vul(model, veld, vertalingen):
    for obj in model.objects.filter(slug__in=list(vertalingen)):
        changed = []
        for code, tekst in zip(LABEL_TALEN, vertalingen[obj.slug], strict=True):
            naam = f"{veld}_{code}"
            if not getattr(obj, naam):
                setattr(obj, naam, tekst)
                changed.append(naam)
        if changed:
            obj.save(update_fields=changed)


def laden(apps, schema_editor):
    for model_name, vertalingen in PER_MODEL.items():
        _vul(apps.get_model("aanbod", model_name), "label", vertalingen)
    _vul(apps.get_model("aanbod", "Thema"), "uitleg", THEMA_UITLEG)
    AanbodPage = apps.get_model("aanbod", "AanbodPage")
    IndexTaak = apps.get_model("zoeken", "IndexTaak")
    IndexTaak.objects.bulk_create(
        [
            IndexTaak(bron="aanbod", object_id=pk)
            for pk in AanbodPage.objects.values_list("pk", flat=True)
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0011_vertalingen"), ("zoeken", "0001_initial")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
