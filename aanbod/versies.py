"""Bump the shared change counter of the facet choices (aanbod/facetten.py VERSIE).

In the transaction of the change itself, so every worker on every server drops its copy of the
choices as soon as the change is visible to it (preventiezoeker/versies). aanbod/signals.py
still drops this worker's copy at once and queues the reindexing.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from aanbod.facetten import VERSIE, vocabulary_models
from aanbod.models import OrganisatiePage
from preventiezoeker import versies


@receiver(page_published, sender=OrganisatiePage)
@receiver(page_unpublished, sender=OrganisatiePage)
@receiver(post_delete, sender=OrganisatiePage)
@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)  # an organisation may be hidden or shown
@receiver(post_delete, sender=PageViewRestriction)
def keuzes_gewijzigd(sender, **kwargs):
    versies.verhoog(VERSIE)


for _model in vocabulary_models():
    post_save.connect(keuzes_gewijzigd, sender=_model)
    post_delete.connect(keuzes_gewijzigd, sender=_model)
