"""Keep the stored occurrences equal to what is live: rebuilt on publish, dropped on unpublish.

Deleting an activity deletes its occurrences through the foreign key (CASCADE)."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import ActiviteitPage, Voorkomen


@receiver(page_published, sender=ActiviteitPage)
def voorkomens_bij_publiceren(sender, instance, **kwargs):
    instance.bouw_voorkomens()


@receiver(page_unpublished, sender=ActiviteitPage)
def voorkomens_bij_depubliceren(sender, instance, **kwargs):
    Voorkomen.objects.filter(activiteit_id=instance.pk).delete()
