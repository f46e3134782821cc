"""One fact, one field: "zonder afspraak" is a way to enrol (inschrijving), "aan huis" a form of
offer (vormen). Both were also accessibility entries, so the search page counted them twice
with different numbers. Offers' links and revisions move into the list fields; the two
Toegankelijkheid rows go. Activities are moved first, by kalender 0002 (run_before this one).
"""

from django.db import migrations

from aanbod.migrations._een_feit_een_veld import VOCABULARIUM, revisions, rows, verhuisd


def vooruit(apps, schema_editor):
    verhuizen = verhuisd(apps)
    if not verhuizen:  # fresh install: the vocabulary never had them
        return
    changed = rows(apps, "aanbod", "AanbodPage", verhuizen)
    revisions(apps, "aanbod", "AanbodPage", verhuizen)
    apps.get_model("aanbod", "Toegankelijkheid").objects.filter(pk__in=verhuizen).delete()
    # The index documents of these offers still carry the old values: queue them, as a
    # publish would. The next flush applies them (or: manage.py zoekindex --wachtrij).
    IndexTaak = apps.get_model("zoeken", "IndexTaak")
    IndexTaak.objects.bulk_create([IndexTaak(bron="aanbod", object_id=pk) for pk in changed])


def terug(apps, schema_editor):
    # Only the vocabulary entries come back. Which offers had the entry rather than (or as well
    # as) the list value cannot be known any more, so the lists stay as they are and no links
    # are made: an honest reverse, not an exact one.
    Toegankelijkheid = apps.get_model("aanbod", "Toegankelijkheid")
    for slug, label, groep in VOCABULARIUM:
        Toegankelijkheid.objects.get_or_create(slug=slug, defaults={"label": label, "groep": groep})


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0005_locatie_openbaar_vervoer"),
        ("wagtailcore", "0098_apitoken"),
        ("zoeken", "0001_initial"),
    ]
    operations = [migrations.RunPython(vooruit, terug)]
