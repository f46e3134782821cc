from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class HomePage(Page):
    """The site's start page: a search box, the themes and the newest offers."""

    intro = models.CharField(
        max_length=255,
        blank=True,
        default="Zoek gratis of goedkope hulp om gezond te leven in Gent.",
    )
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["aanbod.AanbodIndexPage", "kalender.KalenderIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q

        from aanbod.models import AanbodIndexPage, AanbodPage, Thema
        from aanbod.models.vertaling import met_teksten

        context = super().get_context(request, *args, **kwargs)
        zichtbaar = AanbodPage.objects.zichtbaar()
        # The one visibility rule, also for counts (a restricted parent hides its offers too).
        context["themas"] = Thema.objects.annotate(
            aantal=Count("aanbod", filter=Q(aanbod__in=zichtbaar.values("pk")), distinct=True)
        )
        context["nieuwste"] = met_teksten(zichtbaar.order_by("-first_published_at")[:6])
        context["aanbod_index"] = AanbodIndexPage.objects.live().first()
        return context


@register_setting(icon="cog")
class SiteInstellingen(BaseSiteSetting):
    """Site-wide switches the coordinator can flip."""

    voorbeeldgegevens = models.BooleanField(
        default=False,
        help_text="Toon een melding dat de site voorbeeldgegevens bevat.",
    )

    class Meta:
        verbose_name = "site-instellingen"
