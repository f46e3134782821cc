"""GET /api/hsds/...: the Open Referral HSDS 3.0 API, read-only, JSON, CORS open.

Views read the visible records (data.py), filter them (filters.py), page them (paging.py) and
hand them to the serialisers; every list page costs a fixed number of queries.
"""

from functools import wraps

from django.urls import reverse
from django.utils import translation

from ..http import api_view, json_response
from . import data, ids, params
from .filters import filter_offers, find_pk, find_term, search
from .paging import Paging
from .params import BadParameter, flag
from .serialisers import (
    Context,
    location,
    organization,
    service,
    service_at_location,
    taxonomy,
    taxonomy_term,
)
from .serialisers.location import organisation_location
from .taxonomies import BY_ID, TAXONOMIES

HSDS_VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"
NOT_FOUND = "Niet gevonden: dit adres of dit id bestaat niet, of is niet (meer) openbaar."


def not_found():
    return json_response({"detail": NOT_FOUND}, status=404)


def hsds_view(view):
    """api_view, Dutch labels whatever the request's language, and a 400 for bad parameters."""

    @api_view
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override("nl"):
            try:
                return view(request, Context(request), *args, **kwargs)
            except BadParameter as error:
                return json_response({"detail": str(error)}, status=400)

    return wrapper


@hsds_view
def unknown(request, ctx, *args, **kwargs):
    return not_found()


@hsds_view
def root(request, ctx):
    return json_response(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE,
            "openapi_url": ctx.absolute(reverse("api_openapi")),
        }
    )


# -- services -------------------------------------------------------------------------------


def _services(ctx, queryset, full):
    return [
        service(ctx, page, page.organisatie_cached, full=full)
        for page in data.load_services(queryset, full)
    ]


@hsds_view
def services(request, ctx):
    query = request.GET
    full, minimal = flag(query, "full"), flag(query, "minimal")
    offers = filter_offers(ctx, data.offers(), query).order_by("title", "pk")
    paging = Paging.from_query(query)
    total = offers.count()
    if minimal:
        rows = paging.slice(offers.values_list("pk", "title", "last_published_at"))
        contents = [
            {"id": ids.service_id(pk), "name": title, "status": "active"}
            | ({"last_modified": moment.isoformat()} if moment else {})
            for pk, title, moment in rows
        ]
    else:
        contents = _services(ctx, paging.slice(offers), full)
    return json_response(paging.body(total, contents))


@hsds_view
def service_detail(request, ctx, id):
    pk = find_pk(data.offers(), ids.service_id, id)
    if pk is None:
        return not_found()
    (found,) = _services(ctx, data.offers().filter(pk=pk), full=True)
    return json_response(found)


# -- service_at_locations ---------------------------------------------------------------------


def _places(ctx, queryset, full):
    places = list(queryset)
    organisations = data.parents([p.aanbod for p in places])
    nested = {}
    if full:
        offers = data.offers().filter(pk__in={p.aanbod_id for p in places})
        nested = {s["id"]: s for s in _services(ctx, offers, full=True)}
    result = []
    for place in places:
        organisatie = data.organisation_of(place.aanbod, organisations)
        org_id = ids.organization_id(organisatie.pk) if organisatie else None
        full_service = nested.get(ids.service_id(place.aanbod_id)) if full else None
        result.append(service_at_location(ctx, place, org_id, full_service))
    return result


@hsds_view
def service_at_locations(request, ctx):
    query = request.GET
    full = flag(query, "full")
    offers = filter_offers(ctx, data.offers(), query)
    places = data.places().filter(aanbod__in=offers)
    postcode = params.text(query, "postcode", 10)
    if postcode:
        places = places.filter(postcode=postcode)
    places = places.order_by("aanbod__title", "aanbod_id", "sort_order", "pk")
    paging = Paging.from_query(query)
    return json_response(paging.body(places.count(), _places(ctx, paging.slice(places), full)))


@hsds_view
def service_at_location_detail(request, ctx, id):
    pk = find_pk(data.places(), ids.service_at_location_id, id)
    if pk is None:
        return not_found()
    (found,) = _places(ctx, data.places().filter(pk=pk), full=True)
    return json_response(found)


# -- organizations --------------------------------------------------------------------------


def _organizations(ctx, organisaties, services_mode):
    """services_mode: None (no services array), "simple" or "full"."""
    per_org = {}
    if services_mode and organisaties:
        offers = (
            data.offers()
            .annotate(ouder=data.PARENT_PATH)
            .filter(ouder__in=[o.path for o in organisaties])
        )
        for page in data.load_services(offers.order_by("title", "pk"), services_mode == "full"):
            per_org.setdefault(page.organisatie_cached.pk, []).append(page)
    result = []
    for organisatie in organisaties:
        services_array = None
        if services_mode:
            services_array = [
                service(
                    ctx, page, organisatie, full=services_mode == "full", with_organization=False
                )
                for page in per_org.get(organisatie.pk, [])
            ]
        result.append(organization(ctx, organisatie, services=services_array))
    return result


def _services_mode(query, default):
    if flag(query, "full_service"):
        return "full"
    return default


@hsds_view
def organizations(request, ctx):
    query = request.GET
    full = flag(query, "full")
    mode = _services_mode(query, "simple" if full else None)
    organisaties = search(data.organisations(), query, ("title", "korte_beschrijving"))
    organisaties = organisaties.order_by("title", "pk")
    paging = Paging.from_query(query)
    page = list(paging.slice(organisaties))
    if full or mode:
        contents = _organizations(ctx, page, mode)
    else:  # the list form: the organisation's own fields only
        contents = [organization(ctx, o, nested=False) for o in page]
    return json_response(paging.body(organisaties.count(), contents))


@hsds_view
def organization_detail(request, ctx, id):
    pk = find_pk(data.organisations(), ids.organization_id, id)
    if pk is None:
        return not_found()
    found = list(data.organisations().filter(pk=pk))
    (body,) = _organizations(ctx, found, _services_mode(request.GET, "simple"))
    return json_response(body)


# -- locations ------------------------------------------------------------------------------


def _location_sources():
    """The two kinds of location, each in a fixed order: offer places, organisation addresses."""
    return (
        data.places().order_by("aanbod__title", "aanbod_id", "sort_order", "pk"),
        data.organisation_places().order_by("title", "pk"),
    )


def _offer_locations(ctx, places):
    organisations = data.parents([p.aanbod for p in places])
    result = []
    for place in places:
        organisatie = data.organisation_of(place.aanbod, organisations)
        result.append(
            location(ctx, place, ids.organization_id(organisatie.pk) if organisatie else None)
        )
    return result


@hsds_view
def locations(request, ctx):
    paging = Paging.from_query(request.GET)
    places, addresses = _location_sources()
    n_places = places.count()
    total = n_places + addresses.count()
    start, end = paging.offset, paging.offset + paging.per_page
    contents = []
    if start < n_places:
        contents += _offer_locations(ctx, list(places[start : min(end, n_places)]))
    if end > n_places:
        rest = addresses[max(0, start - n_places) : end - n_places]
        contents += [organisation_location(o) for o in rest]
    return json_response(paging.body(total, contents))


@hsds_view
def location_detail(request, ctx, id):
    places, addresses = _location_sources()
    pk = find_pk(places, ids.location_id, id)
    if pk is not None:
        (found,) = _offer_locations(ctx, list(places.filter(pk=pk)))
        return json_response(found)
    pk = find_pk(addresses, ids.organisation_location_id, id)
    if pk is not None:
        return json_response(organisation_location(addresses.get(pk=pk)))
    return not_found()


# -- taxonomies -----------------------------------------------------------------------------


def _matches(text, query):
    text = text.casefold()
    return all(word.casefold() in text for word in params.words(query))


@hsds_view
def taxonomies(request, ctx):
    found = [t for t in TAXONOMIES if _matches(f"{t.label} {t.naam}", request.GET)]
    paging = Paging.from_query(request.GET)
    contents = [taxonomy(ctx, t) for t in paging.slice(found)]
    return json_response(paging.body(len(found), contents))


@hsds_view
def taxonomy_detail(request, ctx, id):
    found = BY_ID.get(ids.parse(id))
    return json_response(taxonomy(ctx, found)) if found else not_found()


def _used_terms(ctx):
    """The terms at least one visible service (or its place, for wijk) carries, in order."""
    offers = data.offers()
    used = {t.naam: t.used_slugs(offers) for t in TAXONOMIES}
    used.setdefault("wijk", set()).update(
        data.places().exclude(wijk=None).values_list("wijk__slug", flat=True)
    )
    return [term for term in ctx.terms.values() if term.slug in used.get(term.taxonomy, ())]


@hsds_view
def taxonomy_terms(request, ctx):
    query = request.GET
    flag(query, "top_only")  # every term of ours is a top term: only checked
    terms = _used_terms(ctx)
    if "taxonomy_id" in query:
        wanted = BY_ID.get(ids.parse(query["taxonomy_id"]))
        terms = [t for t in terms if wanted and t.taxonomy == wanted.naam]
    if "parent_id" in query:
        terms = []  # our taxonomies are flat: no term has a parent
    terms = [t for t in terms if _matches(f"{t.label} {t.slug}", query)]
    paging = Paging.from_query(query)
    contents = [taxonomy_term(ctx, t) for t in paging.slice(terms)]
    return json_response(paging.body(len(terms), contents))


@hsds_view
def taxonomy_term_detail(request, ctx, id):
    term = find_term(ctx, id)
    if term is None or term not in _used_terms(ctx):
        return not_found()
    return json_response(taxonomy_term(ctx, term))
