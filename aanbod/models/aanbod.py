import datetime
from collections import defaultdict

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import get_language

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from aanbod.enums import (
    VIJF_B_OOK,
    Inschrijving,
    PrijsCategorie,
    ToegankelijkheidGroep,
    VertalingTaal,
    Vorm,
)
from aanbod.fields import MultiChoiceField
from aanbod.forms import AanbodPageForm
from aanbod.jsonld import service_jsonld
from aanbod.models.instellingen import verborgen_als_verouderd
from aanbod.models.vertaling import PANEL as VERTALINGEN_PANEL
from aanbod.models.vertaling import controleer_uniek, in_taal
from aanbod.validators import prijs_fout, validate_telefoon
from aanbod.waarschuwingen import WaarschuwingenPanel
from schrijfhulp.panels import SchrijfhulpPanel

CHECKBOXES = forms.CheckboxSelectMultiple
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class AanbodQuerySet(PageQuerySet):
    def zichtbaar(self, today=None):
        """What the public may see: live, not restricted, not past its end date, and not
        stale when the coordinator chose to hide stale offers (ActualiteitInstellingen)."""
        today = today or timezone.localdate()
        return (
            self.live()
            .public()
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=today))
            .exclude(verborgen_als_verouderd(today))
        )


AanbodManager = PageManager.from_queryset(AanbodQuerySet)

# Apps built on offers add to the offer page's context here (the calendar: the next dates), so
# this app imports none of them: callables (page, request, context), registered in ready().
context_providers = []


class AanbodIndexPage(Page):
    """/aanbod/: the list (later the faceted search) of all offers; organisations live below it."""

    intro = models.CharField(max_length=255, blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["aanbod.OrganisatiePage"]
    max_count = 1

    class Meta:
        verbose_name = "aanbodoverzicht"

    def get_context(self, request, *args, **kwargs):
        from aanbod.zoeken import zoek

        context = super().get_context(request, *args, **kwargs)
        context["zoek"] = zoek(request.GET)
        return context


class AanbodPage(Page):
    """One prevention offer of one organisation (its parent page)."""

    in_het_kort = models.CharField(
        max_length=300,
        help_text="Eén of twee korte zinnen in eenvoudige taal (B1). Max. 300 tekens.",
    )
    beschrijving = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    themas = ParentalManyToManyField("aanbod.Thema", related_name="aanbod", verbose_name="thema's")
    doelgroepen = ParentalManyToManyField("aanbod.Doelgroep", blank=True, related_name="aanbod")
    min_leeftijd = models.PositiveSmallIntegerField("minimumleeftijd", null=True, blank=True)
    max_leeftijd = models.PositiveSmallIntegerField("maximumleeftijd", null=True, blank=True)
    talen = ParentalManyToManyField(
        "aanbod.Taal", related_name="aanbod", help_text="In welke talen kan je deelnemen?"
    )
    stadsbreed = models.BooleanField(
        default=False, help_text="Voor heel Gent, niet voor één wijk in het bijzonder."
    )
    wijken = ParentalManyToManyField("aanbod.Wijk", blank=True, related_name="aanbod")
    vormen = MultiChoiceField("vorm", options=Vorm.choices)
    prijs = MultiChoiceField("prijs", options=PrijsCategorie.choices)
    bedrag = models.DecimalField(
        "bedrag (euro)", max_digits=7, decimal_places=2, null=True, blank=True
    )
    prijs_toelichting = models.CharField(
        max_length=255, blank=True, help_text="Bijvoorbeeld: met UiTPAS betaal je 1 euro."
    )
    toegankelijkheid = ParentalManyToManyField(
        "aanbod.Toegankelijkheid", blank=True, related_name="aanbod"
    )
    inschrijving = MultiChoiceField("hoe inschrijven", options=Inschrijving.choices)
    inschrijving_telefoon = models.CharField(
        "telefoon om in te schrijven", max_length=30, blank=True, validators=[validate_telefoon]
    )
    inschrijving_email = models.EmailField("e-mail om in te schrijven", blank=True)
    inschrijving_link = models.URLField("link om in te schrijven", blank=True)
    planning = models.CharField(
        "wanneer", max_length=255, blank=True, help_text="Bijvoorbeeld: elke dinsdag 14–16 u."
    )
    contactpersoon = models.CharField(max_length=120, blank=True)
    laatst_nagekeken = models.DateField(
        null=True,
        blank=True,
        help_text="Wordt bij publiceren op vandaag gezet, tenzij je zelf een datum invult.",
    )
    einddatum = models.DateField(
        null=True, blank=True, help_text="Na deze datum is het aanbod niet meer zichtbaar."
    )

    objects = AanbodManager()
    # Fills in the URL name from the title when the editor leaves it empty.
    base_form_class = AanbodPageForm

    content_panels = [
        FieldPanel("title", heading="Titel"),
        FieldPanel("in_het_kort"),
        FieldPanel("beschrijving"),
        SchrijfhulpPanel(["in_het_kort", "beschrijving", "prijs_toelichting"]),
        MultiFieldPanel(
            [
                FieldPanel("themas", widget=CHECKBOXES, required_on_save=False),
                FieldPanel("doelgroepen", widget=CHECKBOXES),
                FieldRowPanel([FieldPanel("min_leeftijd"), FieldPanel("max_leeftijd")]),
                FieldPanel("talen", widget=CHECKBOXES, required_on_save=False),
            ],
            heading="Voor wie en in welke taal",
        ),
        MultiFieldPanel(
            [
                FieldPanel("stadsbreed"),
                FieldPanel("wijken", widget=CHECKBOXES),
                InlinePanel("locaties", label="Locatie", heading="Locaties"),
            ],
            heading="Waar",
        ),
        MultiFieldPanel(
            [
                FieldPanel("vormen"),
                FieldPanel("planning"),
                WaarschuwingenPanel(heading="Klopt dit met de kalender?"),
                FieldPanel("toegankelijkheid", widget=CHECKBOXES),
            ],
            heading="Hoe",
        ),
        MultiFieldPanel(
            [FieldPanel("prijs"), FieldPanel("bedrag"), FieldPanel("prijs_toelichting")],
            heading="Wat kost het",
        ),
        MultiFieldPanel(
            [
                FieldPanel("inschrijving"),
                FieldPanel("inschrijving_telefoon"),
                FieldPanel("inschrijving_email"),
                FieldPanel("inschrijving_link"),
                FieldPanel("contactpersoon"),
            ],
            heading="Inschrijven en contact",
        ),
        MultiFieldPanel(
            [FieldPanel("laatst_nagekeken"), FieldPanel("einddatum")], heading="Geldigheid"
        ),
        VERTALINGEN_PANEL,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("in_het_kort"),
        index.SearchField("beschrijving"),
    ]

    parent_page_types = ["aanbod.OrganisatiePage"]
    subpage_types = []

    class Meta:
        verbose_name = "aanbod"
        verbose_name_plural = "aanbod"

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.min_leeftijd is not None
            and self.max_leeftijd is not None
            and self.min_leeftijd > self.max_leeftijd
        ):
            errors["max_leeftijd"] = (
                "De maximumleeftijd mag niet kleiner zijn dan de minimumleeftijd."
            )
        if fout := prijs_fout(self.prijs, self.bedrag):
            errors["bedrag"] = fout
        if errors:
            raise ValidationError(errors)
        controleer_uniek(self)

    @property
    def organisatie(self):
        # Lists set organisatie_cached in one query for the whole page of results.
        cached = getattr(self, "organisatie_cached", None)
        return cached if cached is not None else self.get_parent().specific

    def is_verlopen(self, today=None):
        return self.einddatum is not None and self.einddatum < (today or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tekst"] = self.in_taal(get_language())
        context["jsonld"] = service_jsonld(self, request, context["tekst"])
        for provider in context_providers:
            provider(self, request, context)
        return context

    def serve(self, request, *args, **kwargs):
        # An expired offer is gone for the public, as if unpublished.
        if self.is_verlopen():
            from django.http import Http404

            raise Http404
        return super().serve(request, *args, **kwargs)

    # The partner previews their translation as a visitor of /fr/, /ar/... sees it.
    preview_modes = [("nl", "Nederlands")] + [
        (code, VertalingTaal(code).label) for code, _naam in settings.LANGUAGES if code != "nl"
    ]

    def serve_preview(self, request, mode_name):
        taal = mode_name if mode_name in dict(self.preview_modes) else "nl"  # unknown: Dutch
        with translation.override(taal):
            response = super().serve_preview(request, taal)
            # Rendered here: outside the override the fixed texts would be Dutch again.
            if hasattr(response, "render"):
                response.render()
        return response

    def in_taal(self, code):
        """Title, In het kort, price note, enrolment and schedule in language `code`, each
        in Dutch where not translated (aanbod/models/vertaling.py)."""
        return in_taal(self, code)

    def labels(self, field_name):
        return self._meta.get_field(field_name).labels(getattr(self, field_name))

    @property
    def vorm_labels(self):
        return self.labels("vormen")

    @property
    def prijs_labels(self):
        return self.labels("prijs")

    @property
    def inschrijving_labels(self):
        return self.labels("inschrijving")

    def toegankelijkheid_per_groep(self):
        """[(B label, [labels])] for the offer page: the accessibility entries plus the values
        of other fields that belong under a B too (VIJF_B_OOK), each once, sorted as before."""
        per_groep = defaultdict(set)
        for kenmerk in self.toegankelijkheid.all():
            per_groep[kenmerk.groep].add(kenmerk.weergave)
        for veld, groepen in VIJF_B_OOK.items():
            labels = dict(self._meta.get_field(veld).options)
            for waarde in getattr(self, veld) or []:
                if waarde in groepen:
                    per_groep[groepen[waarde]].add(labels[waarde])
        return [(ToegankelijkheidGroep(g).label, sorted(per_groep[g])) for g in sorted(per_groep)]

    def nagekeken_bij_publiceren(self, vorige_waarde: datetime.date | None):
        """Set laatst_nagekeken to today on publish, unless the editor chose a date themselves."""
        if self.laatst_nagekeken is None or self.laatst_nagekeken == vorige_waarde:
            self.laatst_nagekeken = timezone.localdate()
            return True
        return False


class AanbodLocatie(Orderable):
    aanbod = ParentalKey(AanbodPage, on_delete=models.CASCADE, related_name="locaties")
    naam = models.CharField(
        max_length=120, blank=True, help_text="Bijvoorbeeld: Buurtcentrum Rabot"
    )
    straat_nummer = models.CharField("straat en nummer", max_length=120)
    postcode = models.CharField(max_length=10)
    gemeente = models.CharField(max_length=60, default="Gent")
    wijk = models.ForeignKey("aanbod.Wijk", null=True, blank=True, on_delete=models.SET_NULL)
    openbaar_vervoer = models.CharField(
        "openbaar vervoer", max_length=150, blank=True,
        help_text="Hoe kom je er met tram of bus? Bijvoorbeeld: tram 1, halte Rabot",
    )  # fmt: skip
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    panels = [
        FieldPanel("naam"),
        FieldPanel("straat_nummer"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("gemeente")]),
        FieldPanel("wijk"),
        FieldPanel("openbaar_vervoer"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "locatie"
        verbose_name_plural = "locaties"

    def __str__(self):
        return ", ".join(p for p in (self.naam, self.straat_nummer) if p)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Vul zowel breedtegraad als lengtegraad in, of geen van beide.")
