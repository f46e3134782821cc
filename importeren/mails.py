"""One mail to the moderators for a whole import, instead of Wagtail's one per page."""

from django.conf import settings
from django.urls import reverse

from wagtail.admin import signal_handlers
from wagtail.models import TaskState

from preventiezoeker.outbox.sending import enqueue


def meld_ingediend(taak, page_ids):
    """Tell whoever Wagtail would have told about the first submission (same recipients, same
    preferences) that `len(page_ids)` offers wait for approval."""
    task_state = (
        TaskState.objects.filter(
            workflow_state__base_content_type__isnull=False,
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
            status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("task")
        .first()
    )
    if task_state is None:
        return None
    notifier = signal_handlers.task_submission_email_notifier
    ontvangers = notifier.get_valid_recipients(task_state, user=taak.gebruiker)
    adressen = sorted({u.email for u in ontvangers if u.email})
    if not adressen:
        return None
    naam = taak.gebruiker.get_full_name() or taak.gebruiker.get_username()
    aantal = len(page_ids)
    lijst = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_reports:workflow")
    return enqueue(
        to=adressen,
        subject=f"{aantal} aanbod wacht op goedkeuring (import van {naam})",
        body=(
            f"Dag,\n\n{naam} heeft {aantal} aanbod ingediend met een import "
            f"(bestand: {taak.bestandsnaam}).\n\nJe vindt alles wat wacht op goedkeuring hier:\n"
            f"{lijst}\n\nDit is een automatisch bericht van de Preventiezoeker.\n"
        ),
    )
