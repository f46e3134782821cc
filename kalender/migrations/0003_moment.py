"""One name for an occurrence: the stored Voorkomen is a Moment, as in the README and the UI."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kalender", "0002_een_feit_een_veld"),
    ]

    operations = [
        migrations.RenameModel(old_name="Voorkomen", new_name="Moment"),
        migrations.AlterModelOptions(
            name="moment",
            options={
                "ordering": ["start", "pk"],
                "verbose_name": "moment",
                "verbose_name_plural": "momenten",
            },
        ),
        migrations.AlterField(
            model_name="moment",
            name="activiteit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="momenten",
                to="kalender.activiteitpage",
            ),
        ),
    ]
