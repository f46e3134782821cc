"""Keep derived data right: laatst nagekeken on publish, and the search index on every change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageLogEntry, PageViewRestriction
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
    if entry is None:
        return None
    # Read from the revision's JSON: unpacking the whole page (as_object) costs ~10 queries.
    veld = AanbodPage._meta.get_field("laatst_nagekeken")
    return veld.to_python(entry.revision.content.get("laatst_nagekeken"))


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


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_on_view_restriction(sender, instance, **kwargs):
    """A view restriction hides its page and everything below it from the public (zichtbaar()):
    adding, changing or removing one changes the index like a publish or an unpublish."""
    # By id: when the page itself is deleted, its restrictions go first and it may be gone.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue(SOURCE, _offers_under(page))


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def reindex_on_view_restriction_groups(sender, instance, action, reverse, pk_set, **kwargs):
    # Who may pass does not change what the public sees today; reindexed all the same, as a
    # change of the restriction, should the rule ever look at its groups.
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    restrictions = [instance]
    if reverse:  # a group's restrictions changed
        restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ())
    for restriction in restrictions:
        reindex_on_view_restriction(PageViewRestriction, restriction)


@receiver(post_delete, sender=AanbodPage)
def reindex_on_delete(sender, instance, **kwargs):
    queue(SOURCE, [instance.pk])


@receiver(page_published, sender=OrganisatiePage)
@receiver(page_unpublished, sender=OrganisatiePage)
@receiver(post_delete, sender=OrganisatiePage)
@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
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
