"""What the search seam knows about an offer: its document, and when to refresh it."""

from django.db import DatabaseError
from django.db.models import Max
from django.utils.html import strip_tags

from preventiezoeker.search import Source, register_source, register_synonyms
from preventiezoeker.search.analysis import exact_tokens

from .enums import Inschrijving, PrijsCategorie, Vorm
from .models import AanbodPage, OrganisatiePage, Synoniem

SOURCE = "aanbod"
M2M = ("themas", "doelgroepen", "talen", "wijken", "toegankelijkheid")
CHUNK = 2000


def _labels(choices, values):
    names = dict(choices)
    return [names.get(v, v) for v in values or []]


def to_document(page, organisaties):
    organisatie = organisaties.get(page.path[: -AanbodPage.steplen])
    vocab = {name: list(getattr(page, name).all()) for name in M2M}
    wijken = [w.slug for w in vocab["wijken"]]
    if page.stadsbreed:
        wijken.append("stadsbreed")
    labels = [o.label for name in M2M for o in vocab[name]]
    labels += _labels(Vorm.choices, page.vormen) + _labels(PrijsCategorie.choices, page.prijs)
    labels += _labels(Inschrijving.choices, page.inschrijving)
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.in_het_kort,
        "body": " ".join(
            [strip_tags(page.beschrijving or ""), page.planning, page.prijs_toelichting]
        ),
        "labels": " ".join(labels),
        "organisatie_naam": organisatie.title if organisatie else "",
        "nagekeken": page.laatst_nagekeken,
        "einddatum": page.einddatum,
        "thema": [o.slug for o in vocab["themas"]],
        "doelgroep": [o.slug for o in vocab["doelgroepen"]],
        "taal": [o.slug for o in vocab["talen"]],
        "wijk": wijken,
        "toegankelijkheid": [o.slug for o in vocab["toegankelijkheid"]],
        "prijs": list(page.prijs or []),
        "vorm": list(page.vormen or []),
        "inschrijving": list(page.inschrijving or []),
        "organisatie": [organisatie.slug] if organisatie else [],
    }


def documents(ids=None):
    queryset = AanbodPage.objects.zichtbaar().prefetch_related(*M2M).order_by("pk")
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    organisaties = {o.path: o for o in OrganisatiePage.objects.only("path", "title", "slug")}
    for page in queryset.iterator(chunk_size=CHUNK):
        yield to_document(page, organisaties)


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


def register():
    register_source(
        Source(
            name=SOURCE, documents=documents, count=lambda: AanbodPage.objects.zichtbaar().count()
        )
    )
    register_synonyms(synonyms)
