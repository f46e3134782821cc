"""Keep the stored moments equal to what is live: rebuilt on publish, dropped on unpublish.

Deleting an activity deletes its moments through the foreign key (CASCADE)."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import ActiviteitPage, Moment


@receiver(page_published, sender=ActiviteitPage)
def momenten_bij_publiceren(sender, instance, **kwargs):
    instance.bouw_momenten()


@receiver(page_unpublished, sender=ActiviteitPage)
def momenten_bij_depubliceren(sender, instance, **kwargs):
    Moment.objects.filter(activiteit_id=instance.pk).delete()
