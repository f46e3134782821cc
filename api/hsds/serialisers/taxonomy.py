"""taxonomy and taxonomy_term objects (our facets and their values)."""

from django.utils.http import urlencode

from ..ids import hsds_id
from ..taxonomies import BY_NAAM, LANGUAGE
from .common import compact


def taxonomy(ctx, tax):
    return compact(
        {
            "id": tax.id,
            "name": tax.label,
            "description": tax.uitleg,
            "uri": ctx.index_url,
            "version": "1",
        }
    )


def taxonomy_term(ctx, term):
    tax = BY_NAAM[term.taxonomy]
    link = f"{ctx.index_url}?{urlencode({term.taxonomy: term.slug})}" if ctx.index_url else None
    return compact(
        {
            "id": term.id,
            "code": term.slug,
            "name": term.label,
            "description": term.description,
            "taxonomy": tax.label,
            "taxonomy_id": tax.id,
            "taxonomy_detail": taxonomy(ctx, tax),
            "language": LANGUAGE,
            "term_uri": link,
        }
    )


def attributes(ctx, link_id, link_entity, pairs):
    """HSDS attributes linking one record to terms: pairs of (taxonomy name, slug)."""
    result = []
    for naam, slug in pairs:
        term = ctx.term(naam, slug)
        if term is None:  # a value no longer in its vocabulary: nothing to point at
            continue
        result.append(
            {
                "id": hsds_id("attribute", link_entity, link_id, term.id),
                "link_id": link_id,
                "link_type": naam,
                "link_entity": link_entity,
                "taxonomy_term_id": term.id,
                "taxonomy_term": taxonomy_term(ctx, term),
            }
        )
    return result
