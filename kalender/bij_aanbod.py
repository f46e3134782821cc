"""What the calendar adds to an offer page: its next dates and the days and hours of its dated
activities (registered in apps.py, so the offer app, which the calendar builds on, never imports
the calendar)."""

VOLGENDE_DATA = 5


def volgende_data(page, request, context):
    from .models import Moment
    from .wanneer import wanneer_van

    context["wanneer"] = wanneer_van(page)
    if page.pk is None:  # the preview of a new offer: no dates can point to it yet
        context["volgende"] = []
        return
    per_aanbod = Moment.objects.zichtbaar().volgende_per_aanbod([page.pk], VOLGENDE_DATA)
    context["volgende"] = per_aanbod[page.pk]
