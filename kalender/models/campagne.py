"""City-wide health campaigns (coordinator), under the calendar index, with their materials."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from aanbod.models.aanbod import CHECKBOXES, RICH_TEXT_FEATURES

_EERSTE_ALINEA = re.compile(r"\s*<p[^>]*>(.*?)</p>", re.DOTALL)


def _woorden(html):
    return " ".join(strip_tags(html).split()).casefold()


# Paths the calendar's own URLs take under /kalender/ (preventiezoeker/urls.py).
GERESERVEERDE_SLUGS = {"ical", "atom", "rss", "campagnes"}


class CampagneQuerySet(PageQuerySet):
    def zichtbaar(self):
        return self.live().public()

    def lopend_en_komend(self, vandaag):
        """Visible campaigns that have not ended yet, the first to start first."""
        return self.zichtbaar().filter(einde__gte=vandaag).order_by("start", "title")


class CampagnePage(Page):
    """A city-wide health campaign (Maand van de mondzorg, 10-daagse, ...): its period, materials
    and, automatically, the activities partners linked to it."""

    in_het_kort = models.CharField(max_length=300, help_text="Eén of twee zinnen in B1-taal.")
    start = models.DateField("eerste dag")
    einde = models.DateField("laatste dag")
    themas = ParentalManyToManyField(
        "aanbod.Thema", blank=True, related_name="campagnes", verbose_name="thema's"
    )
    beschrijving = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    objects = PageManager.from_queryset(CampagneQuerySet)()

    content_panels = [
        FieldPanel("title", heading="Naam van de campagne"),
        FieldPanel("in_het_kort"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("einde")], heading="Periode"),
        FieldPanel("themas", widget=CHECKBOXES),
        FieldPanel("beschrijving"),
        InlinePanel("materialen", label="Materiaal", heading="Materiaal (affiches, links)"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("in_het_kort")]
    parent_page_types = ["kalender.KalenderIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "campagne"
        verbose_name_plural = "campagnes"

    def lopend(self, vandaag):
        return self.start <= vandaag <= self.einde

    def beschrijving_zonder_intro(self):
        """The description without a first paragraph that only repeats `in_het_kort` (which
        the page already shows as its lead): the introduction appears once."""
        html = self.beschrijving or ""
        eerste = _EERSTE_ALINEA.match(html)
        if eerste and _woorden(eerste.group(1)) == _woorden(self.in_het_kort):
            html = html[eerste.end() :]
        return html if _woorden(html) else ""

    def clean(self):
        super().clean()
        if self.start and self.einde and self.einde < self.start:
            raise ValidationError({"einde": "De laatste dag kan niet voor de eerste dag liggen."})
        if self.slug in GERESERVEERDE_SLUGS:
            raise ValidationError({"slug": "Dit adres is voorbehouden; kies een ander."})

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import campagne_jsonld
        from ..query import zoek_kalender
        from .activiteit import ActiviteitPage

        context = super().get_context(request, *args, **kwargs)
        data = request.GET.copy()
        data.setlist("campagne", [self.slug])
        # The campaign's own calendar starts at its first day, unless that has passed.
        if not data.get("van") and not data.get("periode"):
            data["van"] = max(self.start, timezone.localdate()).isoformat()
            if not data.get("tot"):
                data["tot"] = max(self.einde, datetime.date.fromisoformat(data["van"])).isoformat()
        context["kalender"] = zoek_kalender(data, vaste_campagne=self)
        activiteiten = (
            ActiviteitPage.objects.zichtbaar()
            .filter(campagne=self)
            .order_by("title")
            .select_related("aanbod")
        )
        context["activiteiten"] = activiteiten
        org_paths = {a.path[: -Page.steplen] for a in activiteiten}
        context["partners"] = Page.objects.filter(path__in=org_paths).live().order_by("title")
        context["jsonld"] = campagne_jsonld(self, request, context["kalender"])
        return context


class CampagneMateriaal(Orderable):
    campagne = ParentalKey(CampagnePage, on_delete=models.CASCADE, related_name="materialen")
    titel = models.CharField(max_length=120, help_text="Bijvoorbeeld: affiche A3 (pdf)")
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link = models.URLField(blank=True)

    panels = [FieldPanel("titel"), FieldPanel("document"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = "materiaal"
        verbose_name_plural = "materialen"

    @property
    def url(self):
        return self.document.url if self.document else self.link

    def clean(self):
        super().clean()
        if not self.document_id and not self.link:
            raise ValidationError("Kies een document of vul een link in.")
