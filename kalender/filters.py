"""The calendar's filter parameters: the offer search's names and lenient rules, kept here.

Deliberately not imported from aanbod/filters.py: that module belongs to the offer search, which
caches and reshapes its choices for the search index; the calendar needs only the plain lists.
Unknown values are dropped with a notice instead of failing the whole request.
"""

from django import forms

from aanbod.enums import PrijsCategorie, Vorm
from aanbod.models import Doelgroep, Taal, Thema, Toegankelijkheid, Wijk

from .models import CampagnePage

MAX_VALUES_PER_FACET = 20
STADSBREED_LABEL = "Heel Gent (stadsbreed)"
LABELS = {
    "thema": "Thema",
    "wijk": "Wijk",
    "taal": "Taal",
    "doelgroep": "Voor wie",
    "toegankelijkheid": "Toegankelijkheid",
    "prijs": "Prijs",
    "vorm": "Vorm",
    "campagne": "Campagne",
}


def keuzes():
    """facet -> {slug: label}, in display order."""
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
        "campagne": dict(
            CampagnePage.objects.zichtbaar().order_by("-start").values_list("slug", "title")
        ),
    }
    choices["wijk"]["stadsbreed"] = STADSBREED_LABEL
    return choices


class SoepeleKeuzes(forms.MultipleChoiceField):
    """Keeps the known values (at most MAX_VALUES_PER_FACET), remembers the rest; never raises."""

    def validate(self, value):
        return None

    def clean(self, value):
        # An empty value (?thema=) means "no choice", not an unknown one.
        values = [str(v)[:80] for v in self.to_python(value) if str(v).strip()]
        known = dict(self.choices)
        self.dropped = [v for v in values if v not in known]
        kept = list(dict.fromkeys(v for v in values if v in known))
        self.truncated = len(kept) > MAX_VALUES_PER_FACET
        return kept[:MAX_VALUES_PER_FACET]
