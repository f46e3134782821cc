"""The HSDS filters on services (also used for service_at_locations), and id lookups.

uuid5 ids cannot be reversed: an id is found among the ids of the visible records of its kind
(one query for their primary keys). Unknown or malformed ids match nothing.
"""

from django.db.models import Q

from . import data, ids, params
from .taxonomies import BY_ID, with_taxonomy, with_term


def find_pk(queryset, id_of, value):
    """The primary key of the record in `queryset` whose HSDS id is `value`, or None."""
    wanted = ids.parse(value)
    if wanted is None:
        return None
    return next((pk for pk in queryset.values_list("pk", flat=True) if id_of(pk) == wanted), None)


def find_term(ctx, value):
    wanted = ids.parse(value)
    return next((t for t in ctx.terms.values() if t.id == wanted), None) if wanted else None


def search(queryset, query, fields):
    for word in params.words(query):
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def filter_offers(ctx, offers, query):
    """search, taxonomy_term_id, taxonomy_id, organization_id and modified_after, each optional."""
    offers = search(offers, query, ("title", "in_het_kort"))
    if "taxonomy_term_id" in query:
        term = find_term(ctx, query["taxonomy_term_id"])
        offers = with_term(offers, term) if term else offers.none()
    if "taxonomy_id" in query:
        taxonomy = BY_ID.get(ids.parse(query["taxonomy_id"]))
        offers = with_taxonomy(offers, taxonomy) if taxonomy else offers.none()
    if "organization_id" in query:
        pk = find_pk(data.organisations(), ids.organization_id, query["organization_id"])
        organisatie = data.organisations().filter(pk=pk).first() if pk else None
        offers = offers.child_of(organisatie) if organisatie else offers.none()
    moment = params.modified_after(query)
    if moment is not None:
        offers = offers.filter(last_published_at__gte=moment)
    return offers
