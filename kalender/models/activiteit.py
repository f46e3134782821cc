"""Dated activities of one organisation (partners), with their explicit and cancelled dates.

An ActiviteitPage lives under its OrganisatiePage, next to the offers: the partner group's page
permissions on its own organisation and the coordinator's approval workflow apply unchanged, so a
partner can never touch another organisation's activities and nothing goes online unapproved.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.fields import MultiChoiceField
from aanbod.models.aanbod import CHECKBOXES, RICH_TEXT_FEATURES, AanbodPage
from aanbod.models.adres import MetAdres
from aanbod.validators import prijs_fout, validate_telefoon

from .. import herhaling as hh
from .. import praktisch
from ..enums import Herhaling
from . import overerving
from .campagne import CampagnePage
from .formulier import ActiviteitForm

VAN_HET_AANBOD = "Leeg laten: dan geldt wat bij het gekoppelde aanbod staat."


class ActiviteitQuerySet(PageQuerySet):
    def zichtbaar(self):
        """What the public may see: live and not behind a view restriction."""
        return self.live().public()


class ActiviteitPage(MetAdres, Page):
    """A dated activity of one organisation (its parent page): a workshop, an info session, a
    weekly walk. Optionally part of an offer and of a campaign."""

    in_het_kort = models.CharField(
        max_length=300, help_text="Eén of twee korte zinnen in eenvoudige taal (B1)."
    )
    beschrijving = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    aanbod = models.ForeignKey(
        "aanbod.AanbodPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activiteiten",
        help_text="Hoort deze activiteit bij een aanbod van jullie? Lege velden nemen het over.",
    )
    campagne = models.ForeignKey(
        CampagnePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activiteiten",
        help_text="Doen jullie hiermee mee aan een stedelijke campagne?",
    )
    themas = ParentalManyToManyField(
        "aanbod.Thema",
        blank=True,
        related_name="activiteiten",
        verbose_name="thema's",
        help_text=VAN_HET_AANBOD,
    )
    doelgroepen = ParentalManyToManyField(
        "aanbod.Doelgroep", blank=True, related_name="activiteiten", help_text=VAN_HET_AANBOD
    )
    talen = ParentalManyToManyField(
        "aanbod.Taal", blank=True, related_name="activiteiten", help_text=VAN_HET_AANBOD
    )
    stadsbreed = models.BooleanField(default=False, help_text="Voor heel Gent.")
    wijken = ParentalManyToManyField(
        "aanbod.Wijk", blank=True, related_name="activiteiten", help_text=VAN_HET_AANBOD
    )
    toegankelijkheid = ParentalManyToManyField(
        "aanbod.Toegankelijkheid",
        blank=True,
        related_name="activiteiten",
        help_text=VAN_HET_AANBOD,
    )
    vormen = MultiChoiceField("vorm", options=Vorm.choices, blank=True, help_text=VAN_HET_AANBOD)
    prijs = MultiChoiceField(
        "prijs", options=PrijsCategorie.choices, blank=True, help_text=VAN_HET_AANBOD
    )
    bedrag = models.DecimalField(
        "bedrag (euro)", max_digits=7, decimal_places=2, null=True, blank=True
    )
    locatie_naam = models.CharField(
        "naam van de plaats", max_length=120, blank=True, help_text="Bijvoorbeeld: Buurtcentrum"
    )
    straat_nummer = models.CharField("straat en nummer", max_length=120, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    gemeente = models.CharField(max_length=60, blank=True, default="Gent")
    online_link = models.URLField(
        "link om online deel te nemen", blank=True, help_text="Voor een activiteit op het web."
    )
    inschrijving = MultiChoiceField(
        "hoe inschrijven", options=Inschrijving.choices, blank=True, help_text=VAN_HET_AANBOD
    )
    inschrijving_toelichting = models.CharField(
        "uitleg over inschrijven", max_length=255, blank=True
    )
    inschrijving_telefoon = models.CharField(
        "telefoon om in te schrijven", max_length=30, blank=True, validators=[validate_telefoon]
    )
    inschrijving_email = models.EmailField("e-mail om in te schrijven", blank=True)
    inschrijving_link = models.URLField("link om in te schrijven", blank=True)

    hele_dag = models.BooleanField("de hele dag", default=False)
    herhaling = models.CharField(
        "herhaalt", max_length=20, choices=Herhaling.choices, blank=True, default=""
    )
    eerste_dag = models.DateField("eerste keer", null=True, blank=True)
    start_tijd = models.TimeField("beginuur", null=True, blank=True)
    eind_tijd = models.TimeField("einduur", null=True, blank=True)
    herhaal_tot = models.DateField(
        "herhalen tot en met",
        null=True,
        blank=True,
        help_text="Hoogstens 2 jaar na de eerste keer.",
    )
    herhaal_aantal = models.PositiveSmallIntegerField(
        "aantal keer", null=True, blank=True, help_text="Of: hoeveel keer in totaal."
    )

    objects = PageManager.from_queryset(ActiviteitQuerySet)()

    content_panels = [
        FieldPanel("title", heading="Titel"),
        FieldPanel("in_het_kort"),
        FieldPanel("beschrijving"),
        MultiFieldPanel(
            [
                FieldPanel("aanbod", widget=forms.Select),
                FieldPanel("campagne", widget=forms.Select),
            ],
            heading="Hoort bij",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hele_dag"),
                InlinePanel("losse_data", label="Datum", heading="Losse data"),
                FieldPanel("herhaling"),
                FieldPanel("eerste_dag"),
                FieldRowPanel([FieldPanel("start_tijd"), FieldPanel("eind_tijd")]),
                FieldRowPanel([FieldPanel("herhaal_tot"), FieldPanel("herhaal_aantal")]),
                InlinePanel(
                    "uitzonderingen", label="Afgelaste datum", heading="Afgelast (uitzonderingen)"
                ),
            ],
            heading="Wanneer",
            help_text=(
                "Vul losse data in, of kies een herhaling met een eerste keer en een einde "
                "(een datum of een aantal keer)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("locatie_naam"),
                FieldPanel("straat_nummer"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("gemeente")]),
                FieldPanel("online_link"),
                FieldPanel("stadsbreed"),
                FieldPanel("wijken", widget=CHECKBOXES),
            ],
            heading="Waar",
        ),
        MultiFieldPanel(
            [
                FieldPanel("themas", widget=CHECKBOXES),
                FieldPanel("doelgroepen", widget=CHECKBOXES),
                FieldPanel("talen", widget=CHECKBOXES),
                FieldPanel("toegankelijkheid", widget=CHECKBOXES),
                FieldPanel("vormen"),
            ],
            heading="Voor wie en hoe",
        ),
        MultiFieldPanel(
            [FieldPanel("prijs"), FieldPanel("bedrag")],
            heading="Wat kost het",
        ),
        MultiFieldPanel(
            [
                FieldPanel("inschrijving"),
                FieldPanel("inschrijving_toelichting"),
                FieldPanel("inschrijving_telefoon"),
                FieldPanel("inschrijving_email"),
                FieldPanel("inschrijving_link"),
            ],
            heading="Inschrijven",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("in_het_kort")]
    base_form_class = ActiviteitForm
    parent_page_types = ["aanbod.OrganisatiePage"]
    subpage_types = []

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_tijd and self.eind_tijd and self.eind_tijd <= self.start_tijd:
            errors["eind_tijd"] = "Het einduur moet na het beginuur liggen."
        if self.herhaling:
            if self.eerste_dag is None:
                errors["eerste_dag"] = "Wanneer is de eerste keer?"
            if self.start_tijd is None and not self.hele_dag:
                errors["start_tijd"] = "Vul een beginuur in, of vink 'de hele dag' aan."
            if self.herhaal_tot is None and not self.herhaal_aantal:
                errors["herhaal_tot"] = (
                    "Tot wanneer herhaalt de activiteit? Vul een datum of een aantal keer in."
                )
            if self.eerste_dag and self.herhaal_tot:
                if self.herhaal_tot < self.eerste_dag:
                    errors["herhaal_tot"] = "Deze datum ligt voor de eerste keer."
                elif self.herhaal_tot - self.eerste_dag > hh.HORIZON:
                    errors["herhaal_tot"] = "Hoogstens 2 jaar na de eerste keer."
            if self.herhaal_aantal and self.herhaal_aantal > hh.MAX_MOMENTEN:
                errors["herhaal_aantal"] = f"Hoogstens {hh.MAX_MOMENTEN} keer."
        if fout := prijs_fout(self.prijs, self.bedrag, "de activiteit"):
            errors["bedrag"] = fout
        if errors:
            raise ValidationError(errors)

    # -- dates ---------------------------------------------------------------------------------

    def bereken_momenten(self):
        """Every occurrence (bounded), from the rule and the explicit dates together; not stored
        (`self.momenten` are the stored ones)."""
        result = []
        if self.herhaling and self.eerste_dag:
            result += hh.uit_regel(
                self.herhaling,
                self.eerste_dag,
                self.start_tijd,
                self.eind_tijd,
                tot=self.herhaal_tot,
                aantal=self.herhaal_aantal,
                uitzonderingen=[u.datum for u in self.uitzonderingen.all()],
                hele_dag=self.hele_dag,
            )
        result += hh.losse_data(
            [(d.datum, d.start_tijd, d.eind_tijd) for d in self.losse_data.all() if d.datum],
            hele_dag=self.hele_dag,
        )
        result.sort(key=lambda m: m.start)
        return result[: hh.MAX_MOMENTEN]

    def bouw_momenten(self):
        """Replace the stored occurrences with those of this (live) version."""
        from .moment import Moment

        Moment.objects.filter(activiteit_id=self.pk).delete()
        Moment.objects.bulk_create(
            Moment(
                activiteit_id=self.pk,
                start=m.start,
                einde=m.einde,
                hele_dag=m.hele_dag,
                uit_regel=m.uit_regel,
            )
            for m in self.bereken_momenten()
        )

    def volgende(self, aantal=5, now=None):
        return list(self.momenten.komend(now)[:aantal])

    # -- facets, with the linked offer as default (the rule: overerving.py) -----------------------

    @classmethod
    def facetten_van(cls, pages):
        """{pk: {facet: set of slugs}} for many activities (with `campagne` selected)."""
        return overerving.facetten_van(cls, pages)

    def facet_waarden(self):
        """facet -> set of slugs, the same facets as the offer search (plus campagne)."""
        values = {naam: set(w) for naam, w in overerving.van_pagina(self).items()}
        values["campagne"] = overerving.campagne_waarde(self.campagne)
        return values

    @property
    def effectieve(self):
        """What the public sees, by relation or field name: vocabulary entries and labels."""
        result = {}
        for facet, waarden in zip(
            overerving.ERFBAAR, overerving.van_pagina(self).values(), strict=True
        ):
            result[facet.relatie or facet.veld] = [
                w for slug, w in waarden.items() if not facet.alles or slug != facet.alles
            ]
            if facet.alles_veld:
                result[facet.alles_veld] = facet.alles in waarden
        # The price with its amount is one fact with its own rule: kalender/praktisch.py.
        return result

    @property
    def organisatie(self):
        cached = getattr(self, "organisatie_cached", None)
        return cached if cached is not None else self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import event_jsonld

        context = super().get_context(request, *args, **kwargs)
        context["volgende"] = self.volgende(aantal=10)
        context["effectief"] = self.effectieve
        # The linked offer only if the public may see it: a restricted one is not even named.
        offers = AanbodPage.objects.zichtbaar().filter(pk=self.aanbod_id)
        context["aanbod"] = offers.first() if self.aanbod_id else None
        context["campagne"] = (
            CampagnePage.objects.zichtbaar().filter(pk=self.campagne_id).first()
            if self.campagne_id
            else None
        )
        # Where, how to enrol and the price: from the activity, else the visible offer (one rule
        # for the page and its JSON-LD).
        context["plaats"] = praktisch.plaats(self, context["aanbod"])
        context["contact"] = praktisch.contact(self, context["aanbod"], self.organisatie)
        context["prijs"] = praktisch.prijs(self, context["aanbod"])
        context["jsonld"] = event_jsonld(self, request, context["volgende"], context)
        return context


class ActiviteitDatum(Orderable):
    activiteit = ParentalKey(ActiviteitPage, on_delete=models.CASCADE, related_name="losse_data")
    datum = models.DateField()
    start_tijd = models.TimeField("beginuur", null=True, blank=True)
    eind_tijd = models.TimeField("einduur", null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("datum"), FieldPanel("start_tijd"), FieldPanel("eind_tijd")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = "datum"
        verbose_name_plural = "data"

    def clean(self):
        super().clean()
        if self.start_tijd and self.eind_tijd and self.eind_tijd <= self.start_tijd:
            raise ValidationError({"eind_tijd": "Het einduur moet na het beginuur liggen."})


class ActiviteitUitzondering(Orderable):
    """A cancelled date of a repeating activity (an EXDATE)."""

    activiteit = ParentalKey(
        ActiviteitPage, on_delete=models.CASCADE, related_name="uitzonderingen"
    )
    datum = models.DateField()
    panels = [FieldPanel("datum")]

    class Meta(Orderable.Meta):
        verbose_name = "afgelaste datum"
        verbose_name_plural = "afgelaste data"
