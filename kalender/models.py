"""The shared calendar: campaigns (coordinator) and dated activities (partners).

An ActiviteitPage lives under its OrganisatiePage, next to the offers: the partner group's page
permissions on its own organisation and the coordinator's approval workflow apply unchanged, so a
partner can never touch another organisation's activities and nothing goes online unapproved.
Campaigns live under the calendar index, where only coordinators have rights.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.fields import MultiChoiceField
from aanbod.validators import validate_telefoon

from . import herhaling as hh
from .enums import Herhaling

CHECKBOXES = forms.CheckboxSelectMultiple
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
# Paths the calendar's own URLs take under /kalender/ (preventiezoeker/urls.py).
GERESERVEERDE_SLUGS = {"ical", "atom"}
VAN_HET_AANBOD = "Leeg laten: dan geldt wat bij het gekoppelde aanbod staat."


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
        from .zoeken import zoek_kalender

        context = super().get_context(request, *args, **kwargs)
        context["kalender"] = zoek_kalender(request.GET)
        return context


class CampagneQuerySet(PageQuerySet):
    def zichtbaar(self):
        return self.live().public()


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

    def clean(self):
        super().clean()
        if self.start and self.einde and self.einde < self.start:
            raise ValidationError({"einde": "De laatste dag kan niet voor de eerste dag liggen."})
        if self.slug in GERESERVEERDE_SLUGS:
            raise ValidationError({"slug": "Dit adres is voorbehouden; kies een ander."})

    def get_context(self, request, *args, **kwargs):
        from .zoeken import zoek_kalender

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


class ActiviteitForm(WagtailAdminPageForm):
    """Only the organisation's own offers can be linked, also in a crafted POST."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from aanbod.models import AanbodPage

        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if "aanbod" in self.fields:
            offers = AanbodPage.objects.none()
            if parent is not None:
                offers = AanbodPage.objects.child_of(parent).order_by("title")
            self.fields["aanbod"].queryset = offers
        if "campagne" in self.fields:
            self.fields["campagne"].queryset = CampagnePage.objects.live().order_by("-start")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("herhaling"):
            return cleaned
        datums = self.formsets.get("losse_data")
        filled = [
            f
            for f in (datums.forms if datums is not None else [])
            if f.is_valid() and f.cleaned_data.get("datum") and not f.cleaned_data.get("DELETE")
        ]
        if datums is not None and not filled:
            self.add_error(
                "herhaling", "Vul minstens één datum in, of kies hoe vaak de activiteit herhaalt."
            )
        return cleaned


class ActiviteitQuerySet(PageQuerySet):
    def zichtbaar(self):
        """What the public may see: live and not behind a view restriction."""
        return self.live().public()


class ActiviteitPage(Page):
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
            if self.herhaal_aantal and self.herhaal_aantal > hh.MAX_VOORKOMENS:
                errors["herhaal_aantal"] = f"Hoogstens {hh.MAX_VOORKOMENS} keer."
        if PrijsCategorie.BETALEND in (self.prijs or []) and self.bedrag is None:
            errors["bedrag"] = "Vul een bedrag in als de activiteit betalend is."
        if errors:
            raise ValidationError(errors)

    # -- dates ---------------------------------------------------------------------------------

    def momenten(self):
        """Every occurrence (bounded), from the rule and the explicit dates together."""
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
        return result[: hh.MAX_VOORKOMENS]

    def bouw_voorkomens(self):
        """Replace the stored occurrences with those of this (live) version."""
        Voorkomen.objects.filter(activiteit_id=self.pk).delete()
        Voorkomen.objects.bulk_create(
            Voorkomen(
                activiteit_id=self.pk,
                start=m.start,
                einde=m.einde,
                hele_dag=m.hele_dag,
                uit_regel=m.uit_regel,
            )
            for m in self.momenten()
        )

    def volgende(self, aantal=5, now=None):
        return list(self.voorkomens.komend(now)[:aantal])

    # -- facets, with the linked offer as default ------------------------------------------------

    def _of_aanbod(self, field, own):
        if own or self.aanbod is None:
            return own
        return getattr(self.aanbod, field)

    def facet_waarden(self):
        """facet -> set of slugs, the same facets as the offer search (plus campagne)."""
        own = {
            "thema": {o.slug for o in self.themas.all()},
            "doelgroep": {o.slug for o in self.doelgroepen.all()},
            "taal": {o.slug for o in self.talen.all()},
            "toegankelijkheid": {o.slug for o in self.toegankelijkheid.all()},
        }
        aanbod = self.aanbod
        values = {}
        relation = {
            "thema": "themas",
            "doelgroep": "doelgroepen",
            "taal": "talen",
            "toegankelijkheid": "toegankelijkheid",
        }
        for facet, slugs in own.items():
            if not slugs and aanbod is not None:
                slugs = {o.slug for o in getattr(aanbod, relation[facet]).all()}
            values[facet] = slugs
        wijken = {o.slug for o in self.wijken.all()}
        stadsbreed = self.stadsbreed
        if not wijken and not stadsbreed and aanbod is not None:
            wijken = {o.slug for o in aanbod.wijken.all()}
            stadsbreed = aanbod.stadsbreed
        values["wijk"] = wijken | ({"stadsbreed"} if stadsbreed else set())
        values["prijs"] = set(self._of_aanbod("prijs", self.prijs or []))
        values["vorm"] = set(self._of_aanbod("vormen", self.vormen or []))
        values["inschrijving"] = set(self._of_aanbod("inschrijving", self.inschrijving or []))
        campagne = self.campagne
        values["campagne"] = {campagne.slug} if campagne is not None and campagne.live else set()
        return values

    @property
    def organisatie(self):
        cached = getattr(self, "organisatie_cached", None)
        return cached if cached is not None else self.get_parent().specific

    @property
    def adres(self):
        return ", ".join(
            p for p in (self.straat_nummer, f"{self.postcode} {self.gemeente}".strip()) if p
        )

    def labels(self, field_name):
        own = getattr(self, field_name) or []
        value = self._of_aanbod(field_name, own)
        return self._meta.get_field(field_name).labels(value)

    @property
    def effectieve(self):
        """The M2M lists the public sees: own values, else the offer's."""
        aanbod = self.aanbod

        def pick(name):
            own = list(getattr(self, name).all())
            if own or aanbod is None:
                return own
            return list(getattr(aanbod, name).all())

        return {
            "themas": pick("themas"),
            "doelgroepen": pick("doelgroepen"),
            "talen": pick("talen"),
            "toegankelijkheid": pick("toegankelijkheid"),
            "wijken": pick("wijken") if not self.stadsbreed else [],
            "stadsbreed": self.stadsbreed
            or (not self.wijken.exists() and aanbod is not None and aanbod.stadsbreed),
            "prijs": self.labels("prijs"),
            "vormen": self.labels("vormen"),
            "inschrijving": self.labels("inschrijving"),
            "bedrag": self.bedrag if self.bedrag is not None else getattr(aanbod, "bedrag", None),
        }

    def get_context(self, request, *args, **kwargs):
        from .jsonld import event_jsonld

        context = super().get_context(request, *args, **kwargs)
        context["volgende"] = self.volgende(aantal=10)
        context["effectief"] = self.effectieve
        context["jsonld"] = event_jsonld(self, request, context["volgende"])
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


class VoorkomenQuerySet(models.QuerySet):
    def zichtbaar(self):
        return self.filter(activiteit__in=ActiviteitPage.objects.zichtbaar().values("pk"))

    def overlapping(self, van: datetime.datetime, tot: datetime.datetime):
        """Occurrences that touch [van, tot): two indexed comparisons."""
        return self.filter(start__lt=tot, einde__gt=van)

    def komend(self, now=None):
        return self.filter(einde__gt=now or timezone.now()).order_by("start")


class Voorkomen(models.Model):
    """One concrete occurrence of a published activity; derived data, rebuilt on publish.

    Stored so that a date-range query is two index comparisons instead of expanding every rule on
    every request."""

    activiteit = models.ForeignKey(
        ActiviteitPage, on_delete=models.CASCADE, related_name="voorkomens"
    )
    start = models.DateTimeField(db_index=True)
    einde = models.DateTimeField(db_index=True)
    hele_dag = models.BooleanField(default=False)
    uit_regel = models.BooleanField(default=False)

    objects = VoorkomenQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = "voorkomen"
        verbose_name_plural = "voorkomens"

    def __str__(self):
        return f"{self.activiteit_id} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def lokale_start(self):
        return timezone.localtime(self.start, hh.TZ)

    @property
    def lokaal_einde(self):
        return timezone.localtime(self.einde, hh.TZ)
