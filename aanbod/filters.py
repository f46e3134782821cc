"""The search parameters of /aanbod/ and /api/v1/aanbod/: defined and validated here only.

Unknown values are dropped with a notice instead of failing the whole search: a shared link
to a renamed wijk should still show results.
"""

import time

from django import forms

import django_filters

from preventiezoeker import search
from preventiezoeker.search import FACETS, SORTS
from preventiezoeker.search.query import MAX_QUERY_CHARS

from .enums import Inschrijving, PrijsCategorie, ToegankelijkheidGroep, Vorm
from .models import AanbodPage, Doelgroep, OrganisatiePage, Taal, Thema, Toegankelijkheid, Wijk

MAX_VALUES_PER_FACET = 20
MAX_PAGE = 10_000
SORT_LABELS = {"relevantie": "Best passend", "naam": "Naam (A-Z)", "nagekeken": "Laatst nagekeken"}
FACET_LABELS = {
    "thema": "Thema",
    "wijk": "Wijk",
    "taal": "Taal",
    "doelgroep": "Voor wie",
    "toegankelijkheid": "Toegankelijkheid",
    "prijs": "Prijs",
    "vorm": "Vorm",
    "inschrijving": "Inschrijven",
    "organisatie": "Organisatie",
}
STADSBREED_LABEL = "Heel Gent (stadsbreed)"


CHOICES_MAX_AGE = 10.0  # seconds; see vocabulary_choices()
_cached = {"key": None, "at": 0.0, "value": None}


def vocabulary_choices():
    """facet -> {slug: label}, in display order. The per-facet dicts are shared: read only.

    Eleven queries (2,000 organisations at 100k offers) cost more than the search itself, so
    the result is kept per worker. It is dropped in this worker by the signals that change it
    (aanbod/signals.py), in every worker when the search index changes (a renamed vocabulary
    entry or organisation reindexes its offers), and at the latest after CHOICES_MAX_AGE.
    """
    return dict(_vocabularies()["facets"])


def _vocabularies():
    key, now = search.generation(), time.monotonic()
    if _cached["value"] is None or _cached["key"] != key or now - _cached["at"] > CHOICES_MAX_AGE:
        _cached.update(key=key, at=now, value=_vocabulary_choices())
    return _cached["value"]


def forget_choices():
    _cached["value"] = None


def _vocabulary_choices():
    choices = {
        "thema": dict(Thema.objects.values_list("slug", "label")),
        "wijk": dict(Wijk.objects.values_list("slug", "label")),
        "taal": dict(Taal.objects.values_list("slug", "label")),
        "doelgroep": dict(Doelgroep.objects.values_list("slug", "label")),
        "toegankelijkheid": dict(
            Toegankelijkheid.objects.order_by("groep", "label").values_list("slug", "label")
        ),
        "prijs": dict(PrijsCategorie.choices),
        "vorm": dict(Vorm.choices),
        "inschrijving": dict(Inschrijving.choices),
        "organisatie": dict(
            OrganisatiePage.objects.live().order_by("title").values_list("slug", "title")
        ),
    }
    choices["wijk"]["stadsbreed"] = STADSBREED_LABEL
    order = [g.value for g in ToegankelijkheidGroep]
    groups = dict(Toegankelijkheid.objects.values_list("slug", "groep"))
    return {"facets": choices, "groups": (groups, order)}


def toegankelijkheid_groups():
    return _vocabularies()["groups"]


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values, remembers the rest; never raises for a value."""

    def validate(self, value):
        return None

    def clean(self, value):
        # An empty value (?thema= from a "all" option) means "no choice", not an unknown one.
        values = [str(v)[:80] for v in self.to_python(value) if str(v).strip()]
        known = dict(self.choices)
        self.dropped = [v for v in values if v not in known]
        kept = list(dict.fromkeys(v for v in values if v in known))
        self.truncated = len(kept) > MAX_VALUES_PER_FACET
        return kept[:MAX_VALUES_PER_FACET]


class FacetFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class ZoekwoordenField(forms.CharField):
    """A NUL byte becomes a space: CharField would otherwise reject, and so drop, the whole q."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", " ")


class ZoekwoordenFilter(django_filters.CharFilter):
    field_class = ZoekwoordenField


class PageField(forms.CharField):
    def clean(self, value):
        try:
            number = int(str(value or "1").strip()[:12])
        except ValueError:
            number = 0
        self.invalid = number < 1  # remembered for a notice, like dropped facet values
        return min(max(number, 1), MAX_PAGE)


class PageFilter(django_filters.Filter):
    field_class = PageField


class AanbodFilterSet(django_filters.FilterSet):
    q = ZoekwoordenFilter(label="Zoekwoorden", max_length=None)
    thema = FacetFilter()
    wijk = FacetFilter()
    taal = FacetFilter()
    doelgroep = FacetFilter()
    toegankelijkheid = FacetFilter()
    prijs = FacetFilter()
    vorm = FacetFilter()
    inschrijving = FacetFilter()
    organisatie = FacetFilter()
    sort = django_filters.ChoiceFilter(choices=list(SORT_LABELS.items()), empty_label=None)
    page = PageFilter()

    class Meta:
        model = AanbodPage
        fields = []

    def __init__(self, data=None, *args, choices=None, **kwargs):
        super().__init__(data, *args, queryset=AanbodPage.objects.none(), **kwargs)
        self.choices = choices or vocabulary_choices()
        for facet in FACETS:
            self.form.fields[facet].choices = list(self.choices[facet].items())

    def search_params(self):
        """(params, notices): always usable, whatever came in."""
        form = self.form
        form.is_valid()
        data = form.cleaned_data
        notices = []
        text = str(data.get("q") or "")
        if len(text) > MAX_QUERY_CHARS:
            notices.append(
                f"Je zoekwoorden waren te lang; we zochten op de eerste {MAX_QUERY_CHARS} tekens."
            )
        filters = {facet: tuple(data.get(facet) or ()) for facet in FACETS if data.get(facet)}
        for facet in FACETS:
            field = form.fields[facet]
            if getattr(field, "dropped", None):
                notices.append(
                    f"Onbekende keuze genegeerd bij {FACET_LABELS[facet].lower()}: "
                    + ", ".join(field.dropped[:5])
                )
            if getattr(field, "truncated", False):
                notices.append(
                    f"Je koos te veel waarden bij {FACET_LABELS[facet].lower()}; "
                    f"we gebruiken de eerste {MAX_VALUES_PER_FACET}."
                )
        if getattr(form.fields["page"], "invalid", False):
            notices.append("Ongeldig paginanummer; we tonen pagina 1.")
        sort = data.get("sort") or ""
        if "sort" in form.errors:
            notices.append("Onbekende sortering; we sorteren zoals standaard.")
        params = {
            "text": text[:MAX_QUERY_CHARS],
            "filters": filters,
            "sort": sort if sort in SORTS else "",
            "page": data.get("page") or 1,
        }
        return params, notices
