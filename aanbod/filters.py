"""The search parameters of /aanbod/ and /api/v1/aanbod/: defined and validated here only.

Unknown values are dropped with a notice instead of failing the whole search: a shared link
to a renamed wijk should still show results. The calendar uses the same lenient field and the
same notices for its facets.
"""

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext, gettext_lazy

import django_filters

from preventiezoeker.search.query import MAX_QUERY_CHARS

from .afstand import vertrekpunt
from .facetten import FACETTEN, MAX_LEEFTIJD, MIN_LEEFTIJD, keuzes, verhuis
from .models import AanbodPage

MAX_VALUES_PER_FACET = 20
MAX_PAGE = 10_000
SORT_LABELS = {
    "relevantie": gettext_lazy("Best passend"), "naam": gettext_lazy("Naam (A-Z)"),
    "nagekeken": gettext_lazy("Laatst nagekeken"), "afstand": gettext_lazy("Dichtstbij eerst"),
}  # fmt: skip
# The starting point for distances (aanbod/afstand.py): never a facet, never logged.
VERTREKPUNT = ("vanaf", "postcode", "lat", "lon")
# ?stadsbreed=nee: a match-all facet's own field leaves those offers out ("only what is in the
# wijk itself"), so the coordinator's coverage heatmap can link every cell to its own count.
ZONDER_ALLES = {facet.alles_veld: facet for facet in FACETTEN if facet.alles_veld}
NEE = "nee"


class Keuzes(BaseChoiceIterator):
    """A field's choices straight from a read-only {value: label} (keuzes()): Django copies
    and normalises a plain list on every assignment and every form, hundreds of organisations
    per request; this is used as it is, and a copy of the field shares it."""

    def __init__(self, mapping):
        self.mapping = mapping

    def __iter__(self):
        return iter(self.mapping.items())

    def __len__(self):
        return len(self.mapping)

    def __deepcopy__(self, memo):
        return self


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values, remembers the rest; never raises for a value."""

    def validate(self, value):
        return None

    def clean(self, value):
        # An empty value (?thema= from a "all" option) means "no choice", not an unknown one.
        values = [str(v)[:80] for v in self.to_python(value) if str(v).strip()]
        choices = self.choices
        known = choices.mapping if isinstance(choices, Keuzes) else dict(choices)
        self.dropped = [v for v in values if v not in known]
        kept = list(dict.fromkeys(v for v in values if v in known))
        self.truncated = len(kept) > MAX_VALUES_PER_FACET
        return kept[:MAX_VALUES_PER_FACET]


def facet_keuzes(form, facetten):
    """(filters, notices) from a validated form with a LenientMultipleChoiceField per facet."""
    data, filters, notices = form.cleaned_data, {}, []
    for facet in facetten:
        if data.get(facet.naam):
            filters[facet.naam] = tuple(data[facet.naam])
        field = form.fields[facet.naam]
        if getattr(field, "dropped", None):
            notices.append(
                gettext("Onbekende keuze genegeerd bij %(facet)s: %(waarden)s")
                % {"facet": str(facet.label).lower(), "waarden": ", ".join(field.dropped[:5])}
            )
        if getattr(field, "melding", ""):
            notices.append(field.melding)
        if getattr(field, "truncated", False):
            notices.append(
                gettext("Je koos te veel waarden bij %(facet)s; we gebruiken de eerste %(max)d.")
                % {"facet": str(facet.label).lower(), "max": MAX_VALUES_PER_FACET}
            )
    return filters, notices


class FacetFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class LeeftijdField(forms.Field):
    """One age in whole years, as a facet value ("67"); anything else is ignored with a notice
    (`melding`), never an error. Several values: the first filled in counts."""

    def clean(self, value):
        self.melding = ""
        values = value if isinstance(value, list | tuple) else [value]
        raw = next((str(v).strip() for v in values if v is not None and str(v).strip()), "")
        if not raw:
            return []
        try:
            leeftijd = int(raw[:12])
        except ValueError:
            leeftijd = None
        if leeftijd is None or not MIN_LEEFTIJD <= leeftijd <= MAX_LEEFTIJD:
            self.melding = gettext(
                "„%(waarde)s” is geen leeftijd die we kennen. Geef een leeftijd in jaren, "
                "van %(min)d tot %(max)d. We tonen nu aanbod voor alle leeftijden."
            ) % {"waarde": raw[:20], "min": MIN_LEEFTIJD, "max": MAX_LEEFTIJD}
            return []
        return [str(leeftijd)]


class LeeftijdFilter(django_filters.Filter):
    field_class = LeeftijdField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra["widget"] = forms.SelectMultiple  # reads every value of the parameter


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
    # One FacetFilter per registered facet is added below the class.
    sort = django_filters.ChoiceFilter(choices=list(SORT_LABELS.items()), empty_label=None)
    page = PageFilter()
    vanaf = ZoekwoordenFilter(max_length=None)
    postcode = ZoekwoordenFilter(max_length=None)
    lat = ZoekwoordenFilter(max_length=None)
    lon = ZoekwoordenFilter(max_length=None)

    class Meta:
        model = AanbodPage
        fields = []

    def __init__(self, data=None, *args, choices=None, **kwargs):
        if data is not None:
            data = verhuis(data)
        super().__init__(data, *args, queryset=AanbodPage.objects.none(), **kwargs)
        self.choices = choices or keuzes()
        for facet in FACETTEN:
            if not facet.getal:
                self.form.fields[facet.naam].choices = Keuzes(self.choices[facet.naam])

    def get_form_class(self):
        """Built once per class rather than per request: the fields are always the same (each
        form gets its own copies; the facets' choices are set on those)."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    def search_params(self):
        """(params, notices): always usable, whatever came in."""
        form = self.form
        form.is_valid()
        data = form.cleaned_data
        text = str(data.get("q") or "")
        notices = []
        if len(text) > MAX_QUERY_CHARS:
            notices.append(
                gettext("Je zoekwoorden waren te lang; we zochten op de eerste %(max)d tekens.")
                % {"max": MAX_QUERY_CHARS}
            )
        filters, facet_notices = facet_keuzes(form, FACETTEN)
        notices += facet_notices
        if getattr(form.fields["page"], "invalid", False):
            notices.append(gettext("Ongeldig paginanummer; we tonen pagina 1."))
        sort = data.get("sort") or ""
        if "sort" in form.errors:
            notices.append(gettext("Onbekende sortering; we sorteren zoals standaard."))
        punt, punt_notices = vertrekpunt(*(data.get(name) or "" for name in VERTREKPUNT))
        notices += punt_notices
        if not sort and punt is not None and "sort" not in form.errors:
            sort = "afstand"  # a starting point was chosen to see what is near
        if sort == "afstand" and punt is None:
            sort = ""
            if not punt_notices:
                notices.append(
                    gettext(
                        "Dichtstbij eerst kan pas als je een wijk, een postcode of je locatie "
                        "kiest. We sorteren zoals standaard."
                    )
                )
        zonder = {}
        for veld, facet in ZONDER_ALLES.items():
            if data.get(veld) == NEE:
                zonder[facet.naam] = (facet.alles,)
            elif veld in form.errors:
                notices.append(
                    gettext("Onbekende keuze genegeerd bij %(facet)s: %(waarden)s")
                    % {"facet": veld, "waarden": str(self.data.get(veld, ""))[:20]}
                )
        if zonder:
            notices.append(
                gettext("Je ziet alleen aanbod in de wijk zelf, zonder aanbod voor heel Gent.")
            )
        params = {
            "text": text[:MAX_QUERY_CHARS],
            "filters": filters,
            "sort": sort if sort in SORT_LABELS else "",
            "page": data.get("page") or 1,
            "vertrekpunt": punt,
            "zonder": zonder,
        }
        return params, notices


# The facets from the registry, in its order, between q and sort.
AanbodFilterSet.base_filters = {
    "q": AanbodFilterSet.base_filters["q"],
    **{
        facet.naam: (LeeftijdFilter if facet.getal else FacetFilter)(field_name=facet.naam)
        for facet in FACETTEN
    },
    "sort": AanbodFilterSet.base_filters["sort"],
    "page": AanbodFilterSet.base_filters["page"],
    **{name: AanbodFilterSet.base_filters[name] for name in VERTREKPUNT},
    **{
        veld: django_filters.ChoiceFilter(choices=[(NEE, NEE)], field_name=veld)
        for veld in ZONDER_ALLES
    },
}
