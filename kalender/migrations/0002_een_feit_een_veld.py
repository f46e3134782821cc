"""One fact, one field (see aanbod 0006): activities' "zonder afspraak" moves to inschrijving,
"aan huis" to vormen, in the rows and in the revisions. Runs before aanbod 0006, which deletes
the two vocabulary entries and would otherwise take the activities' links with them.
"""

from django.db import migrations

from aanbod.migrations._een_feit_een_veld import aanbod_na_verhuis, revisions, rows, verhuisd


def vooruit(apps, schema_editor):
    verhuizen = verhuisd(apps)
    if not verhuizen:
        return
    # Empty activity lists inherit the offer's: see verhuis() for how that is kept.
    aanbod_voor = aanbod_na_verhuis(apps, verhuizen)
    rows(apps, "kalender", "ActiviteitPage", verhuizen, aanbod_voor)
    revisions(apps, "kalender", "ActiviteitPage", verhuizen, aanbod_voor)


class Migration(migrations.Migration):
    dependencies = [
        ("kalender", "0001_initial"),
        ("aanbod", "0005_locatie_openbaar_vervoer"),
        ("wagtailcore", "0098_apitoken"),
    ]
    run_before = [("aanbod", "0006_een_feit_een_veld")]
    # Reverse: aanbod 0006 brings the entries back; where a value came from is not known.
    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
