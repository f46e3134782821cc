from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class KalenderIndexPage(Page):
    """/kalender/: the public calendar (agenda list and month grid); campaigns live below it."""

    intro = models.CharField(max_length=255, blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["kalender.CampagnePage"]
    max_count = 1

    class Meta:
        verbose_name = "kalender"

    def get_context(self, request, *args, **kwargs):
        from ..query import zoek_kalender

        context = super().get_context(request, *args, **kwargs)
        context["kalender"] = zoek_kalender(request.GET)
        return context
