"""Keep derived fields right when the coordinator publishes."""

from django.dispatch import receiver

from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from aanbod.models import AanbodPage


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
