"""Coordinator choices for the whole site, edited under Instellingen in the admin."""

from django.db import models, transaction
from django.db.models import Exists, Q

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from aanbod.actualiteit import verouderd_grens


# Generic, not per site: zichtbaar() has no request to pick a site by, and one rule must hold
# for the page, the search, the API and the feeds alike.
@register_setting(icon="time")
class ActualiteitInstellingen(BaseGenericSetting):
    """What the public sees of offers nobody checked for AANBOD_VEROUDERD_NA_MAANDEN."""

    verouderd_verbergen = models.BooleanField(
        "verouderd aanbod verbergen",
        default=False,
        help_text=(
            "Uit: verouderd aanbod blijft zichtbaar met de melding 'Mogelijk niet meer actueel' "
            "en staat onderaan in de zoekresultaten. Aan: verouderd aanbod is voor bezoekers "
            "helemaal verborgen, tot de partner het nakijkt."
        ),
    )

    panels = [
        HelpPanel(
            "Aanbod is verouderd als niemand het nakeek in de ingestelde periode "
            "(standaard 12 maanden)."
        ),
        FieldPanel("verouderd_verbergen"),
    ]

    class Meta:
        verbose_name = "actualiteit"
        verbose_name_plural = "actualiteit"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Stale offers leave or re-enter the index at once, not at the next daily run.
        transaction.on_commit(_herindexeer_verouderd)


def _herindexeer_verouderd():
    from aanbod.models import AanbodPage
    from aanbod.search import SOURCE
    from preventiezoeker.search.sync import queue

    stale = AanbodPage.objects.live().filter(laatst_nagekeken__lte=verouderd_grens())
    queue(SOURCE, stale.values_list("pk", flat=True))


def verborgen_als_verouderd(today):
    """Q for the offers hidden because they are stale and the coordinator chose to hide them:
    a subquery, so zichtbaar() stays one query and every server reads the current choice."""
    hide = ActualiteitInstellingen.objects.filter(verouderd_verbergen=True)
    return Q(laatst_nagekeken__lte=verouderd_grens(today)) & Q(Exists(hide))
