"""Keep derived data right: laatst nagekeken on publish, and the search index on every change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from aanbod.facetten import vergeet_keuzes, vocabulary_models
from aanbod.models import AanbodPage, OrganisatiePage
from aanbod.search import SOURCE
from preventiezoeker.search.sync import queue


def _vorige_gepubliceerde_waarde(page, revision):
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    return entry.revision.as_object().laatst_nagekeken if entry else None


@receiver(page_published, sender=AanbodPage)
def set_laatst_nagekeken(sender, instance, revision, **kwargs):
    if not instance.nagekeken_bij_publiceren(_vorige_gepubliceerde_waarde(instance, revision)):
        return
    # Write the date to the live row and to the revision the editor will open next,
    # without a new revision: it is bookkeeping, not an edit.
    AanbodPage.objects.filter(pk=instance.pk).update(laatst_nagekeken=instance.laatst_nagekeken)
    if revision is not None:
        revision.content["laatst_nagekeken"] = instance.laatst_nagekeken.isoformat()
        revision.save(update_fields=["content"])


def _offers_under(page):
    return AanbodPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


@receiver(page_published)
@receiver(page_unpublished)
def reindex_on_publish(sender, instance, **kwargs):
    if isinstance(instance, AanbodPage | OrganisatiePage):
        queue(SOURCE, _offers_under(instance))


@receiver(post_page_move)
def reindex_on_move(sender, instance, **kwargs):
    queue(SOURCE, _offers_under(instance))


@receiver(post_delete, sender=AanbodPage)
def reindex_on_delete(sender, instance, **kwargs):
    queue(SOURCE, [instance.pk])


@receiver(page_published, sender=OrganisatiePage)
@receiver(page_unpublished, sender=OrganisatiePage)
@receiver(post_delete, sender=OrganisatiePage)
@receiver(post_page_move)
def forget_facet_choices(sender, **kwargs):
    vergeet_keuzes()  # this worker at once; the others when the index changes (facetten.py)


def reindex_on_vocabulary_change(sender, instance, created, **kwargs):
    if not created:
        queue(SOURCE, instance.aanbod.values_list("pk", flat=True))


# Every vocabulary behind a facet (aanbod/facetten.py): a change shows in the filters at once
# and reindexes the offers that carry the entry.
for _model in vocabulary_models():
    post_save.connect(forget_facet_choices, sender=_model)
    post_delete.connect(forget_facet_choices, sender=_model)
    post_save.connect(reindex_on_vocabulary_change, sender=_model)
