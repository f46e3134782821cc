"""Every facet of the offer search and the calendar, declared once.

Filters, index documents, the JSON API and its OpenAPI document, the calendar, the database
fallback, the benchmark and the site set-up all read this registry: adding a facet touches this
file only. A facet is a URL parameter, an index facet and a JSON key, all with the same name.
"""

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from preventiezoeker import search, versies

from .enums import (
    LABEL_TALEN,
    Inschrijving,
    PrijsCategorie,
    ToegankelijkheidGroep,
    Vorm,
    label_taal,
)

CHOICES_MAX_AGE = 10.0  # seconds; see keuzes()


@dataclass(frozen=True)
class Facet:
    """One facet. Exactly one of `relatie`, `veld` or `waarden` says where its values live."""

    naam: str  # URL parameter, index facet and JSON key
    label: str  # shown above the checkboxes; lazy, so each page gets its own language
    meervoud: str  # "Toon alle thema's"
    relatie: str = ""  # vocabulary M2M on AanbodPage and ActiviteitPage (same name on both)
    veld: str = ""  # JSON list of fixed choices on AanbodPage and ActiviteitPage
    keuzes: type | None = None  # the TextChoices of `veld`
    waarden: Callable[[], dict] | None = None  # {slug: label} for facets with another source
    # A page carrying this value matches every value of the facet and counts for each (an
    # offer for the whole city is an offer in every wijk); `alles_veld` is its boolean field.
    alles: str = ""
    alles_label: str = ""
    alles_veld: str = ""
    # Values are shown grouped by the vocabulary's `groep` field (the five B's).
    gegroepeerd: bool = False
    in_kalender: bool = True
    # A number typed in one field (leeftijd) rather than ticked: the form shows a number input,
    # the panel only the chosen value with its count.
    getal: bool = False
    # The facet's values of one offer, for facets computed from its fields (`velden`), and the
    # database filter for the fallback when the index is down: (values) -> Q.
    per_pagina: Callable | None = None
    velden: tuple = ()
    db_filter: Callable | None = None
    # The OpenAPI parameter's description and example.
    uitleg: str = ""
    voorbeeld: str = ""

    @property
    def vocabularium(self):
        """The snippet model behind a `relatie` facet (Thema, Wijk, ...), else None."""
        if not self.relatie:
            return None
        return apps.get_model("aanbod", "AanbodPage")._meta.get_field(self.relatie).related_model

    def lees_keuzes(self, taal=None):
        """{slug: label} in display order, straight from the database (uncached); vocabulary
        labels in language `taal` (default: the page's), Dutch where not translated."""
        return self.lees_keuzes_per_taal()[label_taal(taal or get_language()) or "nl"]

    def lees_keuzes_per_taal(self):
        """{"nl": {slug: label}, "fr": ..., ...} for Dutch and every LABEL_TALEN, one query.
        A vocabulary in another language is sorted by its labels there."""
        if self.relatie:
            kolommen = [f"label_{code}" for code in LABEL_TALEN]
            rijen = list(self.vocabularium.objects.values_list("slug", "label", *kolommen))
            result = {"nl": {slug: label for slug, label, *_ in rijen}}
            for i, code in enumerate(LABEL_TALEN):
                labels = [(rij[0], rij[2 + i] or rij[1]) for rij in rijen]
                if not self.gegroepeerd:
                    labels.sort(key=lambda pair: _sorteer(pair[1]))
                result[code] = dict(labels)
        else:  # fixed lists and computed values: one dict for every language
            eigen = dict(self.waarden() if self.waarden is not None else self.keuzes.choices)
            result = dict.fromkeys(("nl", *LABEL_TALEN), eigen)
        if self.alles:
            result = {
                code: {**labels, self.alles: self.alles_label} for code, labels in result.items()
            }
        return result


def _sorteer(label):
    """Sort key that puts É with E: accents aside, case aside."""
    return (
        unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold() or label
    )


def _organisaties():
    model = apps.get_model("aanbod", "OrganisatiePage")
    return model.objects.live().public().order_by("title").values_list("slug", "title")


MIN_LEEFTIJD, MAX_LEEFTIJD = 0, 120
ALLE_LEEFTIJDEN = "alle-leeftijden"


def _leeftijden():
    # Lazy: the cached choices serve every language (format_lazy translates at render time).
    return {
        str(n): format_lazy(_("{leeftijd} jaar"), leeftijd=n)
        for n in range(MIN_LEEFTIJD, MAX_LEEFTIJD + 1)
    }


def leeftijden_van(page):
    """An offer's ages as facet values: every age in its range (an open end runs to the limit),
    or the match-all value when it has no range, so `leeftijd=67` is one term in any engine."""
    laag, hoog = page.min_leeftijd, page.max_leeftijd
    if laag is None and hoog is None:
        return [ALLE_LEEFTIJDEN]
    laag = MIN_LEEFTIJD if laag is None else laag
    hoog = MAX_LEEFTIJD if hoog is None else min(hoog, MAX_LEEFTIJD)
    return [str(n) for n in range(laag, hoog + 1)]


def _leeftijd_q(values):
    leeftijd = int(values[0])
    return (Q(min_leeftijd__isnull=True) | Q(min_leeftijd__lte=leeftijd)) & (
        Q(max_leeftijd__isnull=True) | Q(max_leeftijd__gte=leeftijd)
    )


FACETTEN = (
    Facet(
        "thema", _("Thema"), _("thema's"), relatie="themas",
        uitleg="Slug van een thema, bv. `beweging`.", voorbeeld="beweging",
    ),
    Facet(
        "wijk", _("Wijk"), _("wijken"), relatie="wijken",
        alles="stadsbreed", alles_label=_("Heel Gent (stadsbreed)"), alles_veld="stadsbreed",
        uitleg=(
            "Slug van een Gentse wijk, bv. `rabot-blaisantvest`, of `stadsbreed` "
            "(Heel Gent (stadsbreed)). Stadsbreed aanbod telt mee voor elke wijk."
        ),
        voorbeeld="stadsbreed",
    ),
    Facet(
        "taal", _("Taal"), _("talen"), relatie="talen",
        uitleg="ISO 639-code van een taal, bv. `nl`.", voorbeeld="nl",
    ),
    Facet(
        "doelgroep", _("Voor wie"), _("doelgroepen"), relatie="doelgroepen",
        uitleg="Slug van een doelgroep, bv. `senioren`.", voorbeeld="senioren",
    ),
    Facet(
        "toegankelijkheid", _("Toegankelijkheid"), _("keuzes"), relatie="toegankelijkheid",
        gegroepeerd=True,
        uitleg="Slug van een toegankelijkheidskenmerk, bv. `heldere-taal`.",
        voorbeeld="heldere-taal",
    ),
    Facet(
        "prijs", _("Prijs"), _("keuzes"), veld="prijs", keuzes=PrijsCategorie,
        uitleg="Prijscategorie.",
    ),
    Facet(
        "vorm", _("Vorm"), _("keuzes"), veld="vormen", keuzes=Vorm,
        uitleg="Vorm van het aanbod.",
    ),
    Facet(
        "inschrijving", _("Inschrijven"), _("keuzes"), veld="inschrijving", keuzes=Inschrijving,
        in_kalender=False, uitleg="Hoe je inschrijft.",
    ),
    Facet(
        "organisatie", _("Organisatie"), _("organisaties"), waarden=_organisaties,
        in_kalender=False, uitleg="Slug van de pagina van een organisatie.", voorbeeld="wgc-alfa",
    ),
    Facet(
        "leeftijd", _("Leeftijd van de cliënt"), _("leeftijden"), waarden=_leeftijden,
        alles=ALLE_LEEFTIJDEN, alles_label=_("Alle leeftijden"), getal=True, in_kalender=False,
        per_pagina=leeftijden_van, velden=("min_leeftijd", "max_leeftijd"), db_filter=_leeftijd_q,
        uitleg=(
            f"Leeftijd in jaren ({MIN_LEEFTIJD} tot {MAX_LEEFTIJD}): aanbod waarvan de "
            "leeftijdsgrenzen die leeftijd insluiten, of dat geen grenzen heeft."
        ),
        voorbeeld="67",
    ),
)  # fmt: skip
FACET = {facet.naam: facet for facet in FACETTEN}
# Values that moved to another facet (one fact, one field: aanbod migration 0006). Shared
# links that still carry the old place keep filtering on the same fact.
VERHUISD = {
    ("toegankelijkheid", "zonder-afspraak"): ("inschrijving", "zonder-afspraak"),
    ("toegankelijkheid", "aan-huis"): ("vorm", "aan-huis"),
}


def verhuis(data):
    """`data` (a QueryDict) with moved values in their new facet; unchanged when none moved."""
    moved = [(old, new) for old, new in VERHUISD.items() if old[1] in data.getlist(old[0])]
    if not moved:
        return data
    data = data.copy()
    for (old_facet, old_value), (new_facet, new_value) in moved:
        data.setlist(old_facet, [v for v in data.getlist(old_facet) if v != old_value])
        if new_value not in data.getlist(new_facet):
            data.appendlist(new_facet, new_value)
    return data


NAMEN = tuple(FACET)
MATCH_ALL = {facet.naam: facet.alles for facet in FACETTEN if facet.alles}


def vocabulary_models():
    return [facet.vocabularium for facet in FACETTEN if facet.relatie]


# -- the one choice cache ----------------------------------------------------------------------

# The shared change counter (preventiezoeker/versies) of everything keuzes() reads: bumped by
# aanbod/versies.py in the transaction that renames a vocabulary entry or (un)publishes, moves
# or deletes an organisation, on whichever worker or server that happens.
VERSIE = "aanbod-keuzes"

_cached = {"key": None, "at": 0.0, "value": None}


def keuzes():
    """facet -> {slug: label}, in display order, for every facet in FACETTEN, vocabulary
    labels in the page's language. Read only.

    A dozen queries (2,000 organisations at 100k offers) cost more than the search itself, so
    the result is kept per worker, keyed on the shared change counter VERSIE: every worker of
    every server drops its copy within versies.MAX_AGE of a change, the worker that made it at
    once. Also when the search index changes, and at the latest after CHOICES_MAX_AGE (changes
    that send no signal, such as a queryset update()).
    """
    return dict(_in_taal(_gecached()))


def toegankelijkheid_groepen():
    """({slug: group}, [groups in display order]) for grouped facets."""
    return _gecached()["groups"]


def keuzes_en_groepen():
    """(keuzes(), toegankelijkheid_groepen()) with one look at the cache key (a search page
    needs both; each look costs a small database transaction)."""
    cached = _gecached()
    return dict(_in_taal(cached)), cached["groups"]


def _in_taal(cached):
    return cached["facets"][label_taal(get_language()) or "nl"]


def vergeet_keuzes():
    _cached["value"] = None


def _gecached():
    key, now = (versies.versie(VERSIE), search.generation()), time.monotonic()
    if _cached["value"] is None or _cached["key"] != key or now - _cached["at"] > CHOICES_MAX_AGE:
        _cached.update(key=key, at=now, value=_lees_alles())
    return _cached["value"]


def _lees_alles():
    groups = {}
    for facet in FACETTEN:
        if facet.gegroepeerd:
            groups.update(facet.vocabularium.objects.values_list("slug", "groep"))
    per_facet = {facet.naam: facet.lees_keuzes_per_taal() for facet in FACETTEN}
    return {
        "facets": {
            code: {naam: talen[code] for naam, talen in per_facet.items()}
            for code in ("nl", *LABEL_TALEN)
        },
        "groups": (groups, [g.value for g in ToegankelijkheidGroep]),
    }
