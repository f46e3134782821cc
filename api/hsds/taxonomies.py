"""Our own HSDS taxonomies, read from the facet registry (aanbod.facetten.FACETTEN).

Every offer facet with vocabulary entries (thema, wijk, doelgroep, toegankelijkheid) or fixed
choices (prijs, vorm, inschrijving) is a taxonomy; its values are the terms, keyed on their slug
(stable: also in URLs and the search index). `taal` is not a taxonomy: HSDS has `languages`.
A new facet in the registry is a new taxonomy here without further work.
"""

from dataclasses import dataclass

from django.utils import translation

from aanbod.facetten import FACETTEN

from . import ids

NOT_TAXONOMIES = frozenset({"taal"})
LANGUAGE = "nl"


@dataclass(frozen=True)
class Term:
    taxonomy: str  # the facet's name
    slug: str
    label: str
    description: str

    @property
    def id(self):
        return ids.taxonomy_term_id(self.taxonomy, self.slug)


@dataclass(frozen=True)
class Taxonomy:
    facet: object

    @property
    def naam(self):
        return self.facet.naam

    @property
    def id(self):
        return ids.taxonomy_id(self.naam)

    @property
    def label(self):
        with translation.override(LANGUAGE):
            return str(self.facet.label)

    @property
    def uitleg(self):
        return self.facet.uitleg or self.label

    def terms(self):
        """Every term, in display order (one query for a vocabulary, none for fixed choices)."""
        if self.facet.relatie:
            rows = self.facet.vocabularium.objects.all()
            return [
                Term(self.naam, o.slug, o.label, getattr(o, "uitleg", "") or o.label) for o in rows
            ]
        with translation.override(LANGUAGE):
            return [Term(self.naam, v, str(lbl), str(lbl)) for v, lbl in self.facet.keuzes.choices]

    def slugs_of(self, page):
        """The slugs one offer carries (its M2M prefetched, or its JSON list of choices)."""
        if self.facet.relatie:
            return [o.slug for o in getattr(page, self.facet.relatie).all()]
        return list(getattr(page, self.facet.veld) or ())

    def used_slugs(self, offers):
        """The slugs that at least one of `offers` (a queryset of visible offers) carries."""
        if self.facet.relatie:
            return set(
                offers.filter(**{f"{self.facet.relatie}__isnull": False})
                .values_list(f"{self.facet.relatie}__slug", flat=True)
                .distinct()
            )
        used = set()
        for values in offers.values_list(self.facet.veld, flat=True):
            used.update(values or ())
        return used


TAXONOMIES = tuple(
    Taxonomy(facet)
    for facet in FACETTEN
    if (facet.relatie or facet.veld) and facet.naam not in NOT_TAXONOMIES
)
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
BY_NAAM = {taxonomy.naam: taxonomy for taxonomy in TAXONOMIES}
# The M2M relations to prefetch for a page of offers.
RELATIONS = tuple(t.facet.relatie for t in TAXONOMIES if t.facet.relatie)


def _with_term(taxonomy, offers, slugs):
    """Offers carrying one of `slugs`, or (slugs None) any term of `taxonomy`."""
    facet = taxonomy.facet
    if facet.relatie:
        condition = (
            {f"{facet.relatie}__isnull": False}
            if slugs is None
            else {f"{facet.relatie}__slug__in": list(slugs)}
        )
        return offers.filter(pk__in=offers.filter(**condition).values("pk"))
    # JSON lists: no portable SQL "contains" on SQLite (as aanbod.zoeken's fallback).
    rows = offers.values_list("pk", facet.veld)
    wanted = None if slugs is None else set(slugs)
    keep = [pk for pk, got in rows if got and (wanted is None or wanted & set(got))]
    return offers.filter(pk__in=keep)


def with_term(offers, term):
    return _with_term(BY_NAAM[term.taxonomy], offers, [term.slug])


def with_taxonomy(offers, taxonomy):
    return _with_term(taxonomy, offers, None)
