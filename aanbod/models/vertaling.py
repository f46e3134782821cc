"""An offer's key texts in the client's language, written by the partner or the coordinator.

Translations are child rows of the offer (modelcluster): they live in the same page revision
and go through the same approval, so a partner's translation is a draft until approved, like
any other change. Plain text only; templates autoescape it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language

from modelcluster.fields import ParentalKey
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from aanbod.enums import RECHTS_NAAR_LINKS, VertalingTaal

NEDERLANDS = "nl"
# Translation field -> the offer's own (Dutch) field; "" when the offer has no such text.
VELDEN = {
    "titel": "title",
    "in_het_kort": "in_het_kort",
    "prijs_toelichting": "prijs_toelichting",
    "inschrijving_tekst": "",
    "planning": "planning",
}
DUBBEL = "Er is al een vertaling in het {taal}. Voeg je teksten daar toe of kies een andere taal."


def taalcode(code):
    """A language code as the translations use it ("fr-be" -> "fr"); Dutch when unknown."""
    code = (code or "").split("-")[0].strip().lower()
    return code if code in VertalingTaal.values else NEDERLANDS


def paginataal():
    """The current page's language as the translations use it (Dutch when not one of them)."""
    return taalcode(get_language())


def richting(code):
    return "rtl" if code in RECHTS_NAAR_LINKS else "ltr"


def dubbele_talen(talen):
    """The language codes that occur more than once, in order of their second occurrence."""
    gezien, dubbel = set(), []
    for taal in talen:
        if taal in gezien and taal not in dubbel:
            dubbel.append(taal)
        gezien.add(taal)
    return dubbel


def dubbel_fout(taal):
    return DUBBEL.format(taal=VertalingTaal(taal).label)


class VertalingFormSet(BaseChildFormSet):
    """One translation per language: said in plain Dutch on the duplicate row. A database
    constraint cannot do it, since revisions keep their rows outside the table."""

    def clean(self):
        super().clean()
        gezien = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form in self.deleted_forms:
                continue
            taal = form.cleaned_data.get("taal")
            if not taal:
                continue
            if taal in gezien:
                form.add_error("taal", dubbel_fout(taal))
            gezien.add(taal)


class VertalingenPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = VertalingFormSet
        return options


class AanbodVertaling(Orderable):
    """The texts a client needs most, in one language; empty fields stay Dutch on the site."""

    aanbod = ParentalKey("aanbod.AanbodPage", on_delete=models.CASCADE, related_name="vertalingen")
    taal = models.CharField(max_length=5, choices=VertalingTaal.choices)
    titel = models.CharField(max_length=255, blank=True)
    in_het_kort = models.CharField(max_length=300, blank=True)
    prijs_toelichting = models.CharField("uitleg bij de prijs", max_length=255, blank=True)
    inschrijving_tekst = models.CharField(
        "hoe inschrijven", max_length=300, blank=True,
        help_text="Bijvoorbeeld: bel ons of kom gewoon langs op dinsdag.",
    )  # fmt: skip
    planning = models.CharField("wanneer", max_length=255, blank=True)

    panels = [
        FieldPanel("taal"),
        FieldPanel("titel"),
        FieldPanel("in_het_kort"),
        FieldPanel("prijs_toelichting"),
        FieldPanel("inschrijving_tekst"),
        FieldPanel("planning"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "vertaling"
        verbose_name_plural = "vertalingen"

    def __str__(self):
        return self.get_taal_display()


PANEL = VertalingenPanel(
    "vertalingen",
    heading="Vertalingen",
    label="Vertaling",
    help_text=(
        "Schrijf de belangrijkste teksten ook in de taal van je bezoekers. Wat je leeg laat, "
        "toont de site in het Nederlands. Een vertaling wordt samen met de rest van het aanbod "
        "nagekeken en gepubliceerd."
    ),
)


class Tekst:
    """One text of an offer and the language it is in (for lang and dir in the HTML)."""

    __slots__ = ("tekst", "taal")

    def __init__(self, tekst, taal):
        self.tekst, self.taal = tekst or "", taal

    @property
    def dir(self):
        return richting(self.taal)

    def __str__(self):
        return self.tekst

    def __bool__(self):
        return bool(self.tekst)

    def __eq__(self, other):
        return isinstance(other, Tekst) and (self.tekst, self.taal) == (other.tekst, other.taal)

    def __repr__(self):
        return f"Tekst({self.tekst!r}, {self.taal!r})"


class InTaal:
    """An offer's translatable texts in one language: the translation where there is one,
    else the Dutch text (an attribute per field of VELDEN, each a Tekst)."""

    def __init__(self, page, taal, vertaling=None):
        self.taal, self.dir = taal, richting(taal)
        self._beschrijving = bool(getattr(page, "beschrijving", ""))
        for veld, bron in VELDEN.items():
            eigen = (getattr(vertaling, veld, "") or "").strip() if vertaling else ""
            nl = (getattr(page, bron) or "") if bron else ""
            setattr(self, veld, Tekst(eigen, taal) if eigen else Tekst(nl, NEDERLANDS))

    def teksten(self):
        return {veld: getattr(self, veld) for veld in VELDEN}

    @property
    def alleen_nl(self):
        """The fields shown in Dutch although another language was asked for."""
        if self.taal == NEDERLANDS:
            return []
        return [v for v, t in self.teksten().items() if t and t.taal == NEDERLANDS]

    @property
    def nl_melding(self):
        """What to say once on a page in another language: "alles" when none of the offer's
        texts is translated, "deels" when some are (the description never is), else ""."""
        if self.taal == NEDERLANDS:
            return ""
        if not self.vertaald:
            return "alles"
        return "deels" if self.alleen_nl or self._beschrijving else ""

    @property
    def vertaald(self):
        """The fields shown in the language asked for (not Dutch)."""
        if self.taal == NEDERLANDS:
            return []
        return [v for v, t in self.teksten().items() if t and t.taal == self.taal]


def in_taal(page, code, vertalingen=None):
    """`page`'s texts in language `code` (Dutch for unknown codes). `vertalingen`: the page's
    translations when already loaded (a list of offers), else read from the page's cluster."""
    taal = taalcode(code)
    if taal == NEDERLANDS:
        return InTaal(page, taal)
    if vertalingen is None:
        vertalingen = page.vertalingen.all()
    return InTaal(page, taal, next((v for v in vertalingen if v.taal == taal), None))


def met_teksten(pages, code=None):
    """`pages` as a list, each with .tekst (in_taal) in language `code` (default: the page's),
    all translations read in one query, for lists of cards. On a Dutch page nothing is set:
    the cards show the offers' own fields as before."""
    pages = list(pages)
    taal = taalcode(code or get_language())
    if taal == NEDERLANDS or not pages:
        return pages
    per_page = {}
    for vertaling in AanbodVertaling.objects.filter(aanbod_id__in=[p.pk for p in pages], taal=taal):
        per_page.setdefault(vertaling.aanbod_id, []).append(vertaling)
    for page in pages:
        page.tekst = in_taal(page, taal, per_page.get(page.pk, []))
    return pages


def controleer_uniek(page):
    """Non-admin paths (imports, the demo, a revision built in code): one row per language."""
    if page.pk is not None and not page.vertalingen.is_deferring:
        return  # the rows as saved: checked when they were (no query per validated page)
    dubbel = dubbele_talen(v.taal for v in page.vertalingen.all())
    if dubbel:
        raise ValidationError(dubbel_fout(dubbel[0]))
