"""What the search seam knows about an offer: its document, and when to refresh it."""

import re
from collections import defaultdict
from html import unescape
from types import SimpleNamespace
from typing import NamedTuple

from django.db import DatabaseError, connections, router
from django.db.models import Max
from django.utils import translation
from django.utils.translation import get_language

from preventiezoeker.search import (
    Demotion,
    SortOrder,
    Source,
    TextPart,
    register_source,
    register_synonyms,
)
from preventiezoeker.search.text import exact_tokens

from .actualiteit import verouderd_grens
from .afstand import plaatsen_per_aanbod
from .enums import LABEL_TALEN, label_taal
from .facetten import FACETTEN, MATCH_ALL, NAMEN
from .models import AanbodPage, AanbodVertaling, OrganisatiePage, Synoniem

SOURCE = "aanbod"
# The parts of an offer's text, each word weighted by the part it occurs in.
TEXT = (
    TextPart("title", 3.0), TextPart("summary", 2.0), TextPart("labels", 1.5),
    TextPart("organisatie_naam", 1.0), TextPart("body", 1.0),
)  # fmt: skip
# Orders besides relevance; "naam" is the default without words and breaks ties.
SORTS = (
    SortOrder("naam", "title"),
    SortOrder("nagekeken", "nagekeken", kind="date", descending=True),
)
M2M = tuple(facet.relatie for facet in FACETTEN if facet.relatie)
CHUNK = 2000
# Enum .choices is rebuilt on every access: look labels up in plain dicts (keuze_labels).
_KEUZE_LABELS = {}


def keuze_labels(veld):
    """{value: its label in Dutch and in every LABEL_TALEN, as words} for a fixed list, built
    once: "Gratuit" finds free offers, whichever language the indexing request speaks."""
    if veld not in _KEUZE_LABELS:
        facet = next(f for f in FACETTEN if f.veld == veld)
        woorden = defaultdict(list)
        for code in ("nl", *LABEL_TALEN):
            with translation.override(code):
                for value, label in facet.keuzes.choices:
                    woorden[value].append(str(label))
        _KEUZE_LABELS[veld] = {v: " ".join(dict.fromkeys(ws)) for v, ws in woorden.items()}
    return _KEUZE_LABELS[veld]


_TAG = re.compile(r"<[^>]*>")


def _text(html):
    """Rich text as words: tags become spaces (Django's strip_tags parses the HTML, five times
    slower; an index only needs the words, and the seam escapes what it shows)."""
    return unescape(_TAG.sub(" ", html))


def to_document(page, organisaties, vocab, vertalingen=()):
    """`vertalingen`: the offer's translations as (titel, in_het_kort, prijs_toelichting,
    inschrijving_tekst, planning) rows: their words find the offer too (a French word)."""
    organisatie = organisaties.get(page.path[: -AanbodPage.steplen])
    document = {
        "id": page.pk,
        "title": page.title,
        "summary": " ".join([page.in_het_kort, *(v[0] + " " + v[1] for v in vertalingen)]),
        "body": " ".join(
            [
                _text(page.beschrijving or ""),
                page.planning or "",
                page.prijs_toelichting or "",
                *(" ".join(v[2:]) for v in vertalingen),
            ]
        ),
        "organisatie_naam": organisatie.title if organisatie else "",
        "nagekeken": page.laatst_nagekeken,
        "einddatum": page.einddatum,
    }
    labels = []
    for facet in FACETTEN:
        if facet.relatie:
            entries = vocab[facet.relatie]
            values = [o.slug for o in entries]
            # The labels in every language: "Santé mentale" finds the offer as "Mentaal ...".
            labels += [
                label
                for o in entries
                for label in (o.label, *(getattr(o, f"label_{c}", "") for c in LABEL_TALEN))
                if label
            ]
            if facet.alles_veld and getattr(page, facet.alles_veld):
                values.append(facet.alles)
        elif facet.veld:
            values = list(getattr(page, facet.veld) or [])
            names = keuze_labels(facet.veld)
            labels += [names.get(v, v) for v in values]
        elif facet.per_pagina is not None:
            values = facet.per_pagina(page)
        else:  # organisatie: the page the offer lives under
            values = [organisatie.slug] if organisatie else []
        document[facet.naam] = values
    document["labels"] = " ".join(labels)
    return document


FIELDS = (
    "pk", "path", "title", "in_het_kort", "beschrijving", "planning", "prijs_toelichting",
    "stadsbreed", "vormen", "prijs", "inschrijving", "laatst_nagekeken", "einddatum",
    *(name for facet in FACETTEN for name in facet.velden),
)  # fmt: skip


class Vocabularies:
    """Every vocabulary entry once, and each chunk's links in one query per relation:
    prefetch_related builds a manager per offer and relation, ten times slower at 10,000.
    `names`: the relations wanted (default: every facet's)."""

    def __init__(self, names=M2M):
        self.names = tuple(names)
        self.entries = {}
        for name in self.names:
            model = AanbodPage._meta.get_field(name).related_model
            self.entries[name] = {o.pk: (i, o) for i, o in enumerate(model.objects.all())}

    def for_pages(self, page_ids):
        """{page id: {relation: entries in the vocabulary's own order}}."""
        links = {name: defaultdict(list) for name in self.names}
        for name in self.names:
            field = AanbodPage._meta.get_field(name)
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = field.remote_field.through.objects.filter(
                **{f"{source}_id__in": page_ids}
            ).values_list(f"{source}_id", f"{target}_id")
            entries = self.entries[name]
            for page_id, entry_id in rows:
                links[name][page_id].append(entries[entry_id])
        return {
            page_id: {name: _in_order(links[name][page_id]) for name in self.names}
            for page_id in page_ids
        }

    @staticmethod
    def linked(page_ids, names=M2M):
        """{page id: {relation: [Entry(slug, label)] in the vocabulary's own order}} for a few
        pages (a page of search results): the entries come with the links, one query per
        relation. Loading every vocabulary for twenty offers costs more than the links, and
        compiling these queries with the ORM more than running them (hence plain SQL)."""
        found = {page_id: {name: [] for name in names} for page_id in page_ids}
        if not found:
            return found
        connection = connections[router.db_for_read(AanbodPage)]
        marks = ", ".join(["%s"] * len(found))
        taal = label_taal(get_language())  # labels in the page's language, else Dutch
        with connection.cursor() as cursor:
            for name in names:
                sql = _linked_sql(name, connection.ops.quote_name, marks, taal)
                cursor.execute(sql, list(found))
                for page_id, slug, label in cursor.fetchall():
                    found[page_id][name].append(Entry(slug, label))
        return found


def _linked_sql(name, q, marks, taal=None):
    """Page id, slug and label of one relation's links, in the vocabulary's Meta.ordering;
    the label in language `taal` where translated (label_<taal>), else the Dutch one."""
    field = AanbodPage._meta.get_field(name)
    link, vocab = field.remote_field.through._meta, field.related_model._meta

    def column(meta, name):
        return q(meta.get_field(name).column)

    source = column(link, field.m2m_field_name())
    order = [
        f"v.{column(vocab, o.lstrip('-'))}{' DESC' if o.startswith('-') else ''}"
        for o in vocab.ordering
    ]
    label = f"v.{column(vocab, 'label')}"
    if taal:
        label = f"COALESCE(NULLIF(v.{column(vocab, f'label_{taal}')}, ''), {label})"
    return (
        f"SELECT l.{source}, v.{column(vocab, 'slug')}, {label} "
        f"FROM {q(link.db_table)} l JOIN {q(vocab.db_table)} v "
        f"ON v.{q(vocab.pk.column)} = l.{column(link, field.m2m_reverse_field_name())} "
        f"WHERE l.{source} IN ({marks}) ORDER BY {', '.join([*order, f'v.{q(vocab.pk.column)}'])}"
    )


class Entry(NamedTuple):
    """A vocabulary entry as a search result card shows it."""

    slug: str
    label: str


def _in_order(pairs):
    return [entry for _position, entry in sorted(pairs, key=lambda pair: pair[0])]


def documents(ids=None):
    # Rows, not pages: building 10,000 Wagtail page objects costs more than indexing them.
    queryset = AanbodPage.objects.zichtbaar().order_by("pk")
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    queryset = queryset.values(*FIELDS)
    organisaties = {o.path: o for o in OrganisatiePage.objects.only("path", "title", "slug")}
    vocabularies = Vocabularies()
    chunk = []
    for row in queryset.iterator(chunk_size=CHUNK):
        chunk.append(SimpleNamespace(**row))
        if len(chunk) >= CHUNK:
            yield from _chunk_documents(chunk, organisaties, vocabularies)
            chunk = []
    yield from _chunk_documents(chunk, organisaties, vocabularies)


def _chunk_documents(pages, organisaties, vocabularies):
    if not pages:
        return
    ids = [page.pk for page in pages]
    vocab = vocabularies.for_pages(ids)
    # The table holds the live version's translations (a draft's stay in its revision), and
    # `pages` are visible offers only: what is not public is not searchable either.
    vertalingen = defaultdict(list)
    rows = AanbodVertaling.objects.filter(aanbod_id__in=ids).values_list("aanbod_id", *VERTAALD)
    for aanbod_id, *teksten in rows.order_by("aanbod_id", "sort_order", "pk"):
        vertalingen[aanbod_id].append(teksten)
    for page in pages:
        yield to_document(page, organisaties, vocab[page.pk], vertalingen.get(page.pk, ()))


VERTAALD = ("titel", "in_het_kort", "prijs_toelichting", "inschrijving_tekst", "planning")


def synonyms():
    try:
        version = (Synoniem.objects.count(), Synoniem.objects.aggregate(m=Max("gewijzigd"))["m"])
    except DatabaseError:  # synonyms help; their absence must not break a search
        return getattr(synonyms, "_cache", (0, {}))
    cached = getattr(synonyms, "_cache", None)
    if cached and cached[0] == version:
        return cached
    table = {}
    for synoniem in Synoniem.objects.all():
        key = " ".join(exact_tokens(synoniem.term))
        if key:
            table[key] = synoniem.lijst
    synonyms._cache = (version, table)
    return synonyms._cache


def _count():
    return AanbodPage.objects.zichtbaar().count()


# Stale offers ("Mogelijk niet meer actueel") sink below every checked one in the results.
VEROUDERD = Demotion("nagekeken", verouderd_grens)

SOURCE_SCHEMA = Source(
    name=SOURCE, documents=documents, count=_count, facets=NAMEN, match_all=MATCH_ALL,
    text=TEXT, sorts=SORTS, expires="einddatum", demote=VEROUDERD, places=plaatsen_per_aanbod,
)  # fmt: skip


def register():
    register_source(SOURCE_SCHEMA)
    register_synonyms(synonyms)
