"""Small helpers for the search page (/aanbod/): links that drop filters, facet layout, paging.

Links are built by Django's {% querystring %}; these tags only supply the mapping to apply on
top of request.GET, e.g. {% zonder_waarde "wijk" "rabot" as m %}{% querystring request.GET m %}.
Every mapping sets page to None: a changed filter always starts again at page 1.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..enums import ToegankelijkheidGroep
from ..facetten import FACET, NAMEN
from ..filters import SORT_LABELS

register = template.Library()

# Long facets show this many values; the rest sit in a <details> "Toon alle ...".
ZICHTBAAR = 8
LANG = 16


@register.simple_tag(takes_context=True)
def zonder_waarde(context, facet, value):
    """Mapping for {% querystring %}: request.GET without one value of one facet."""
    rest = [v for v in context.request.GET.getlist(facet) if v != value]
    return {facet: rest or None, "page": None}


@register.simple_tag
def zonder_facet(facet):
    return {facet: None, "page": None}


@register.simple_tag
def zonder_filters():
    """Keeps the words (q) and the sort, drops every facet."""
    return {**dict.fromkeys(NAMEN), "page": None}


@register.simple_tag
def facet_delen(facet):
    """{zichtbaar, rest, meervoud} for one facet, both parts in the vocabulary's own order.

    Short facets show everything. Long ones show the chosen values plus those with the most
    results, up to ZICHTBAAR; the rest go behind "Toon alle". A chosen value is never hidden.
    """
    values = facet.values
    if len(values) <= LANG:
        return {"zichtbaar": values, "rest": [], "meervoud": ""}
    chosen = [v for v in values if v.selected]
    by_count = sorted((v for v in values if not v.selected), key=lambda v: -v.count)
    keep = {
        id(v) for v in chosen + by_count[: max(0, ZICHTBAAR - len(chosen))] if v.count or v.selected
    }
    return {
        "zichtbaar": [v for v in values if id(v) in keep],
        "rest": [v for v in values if id(v) not in keep],
        "meervoud": FACET[facet.name].meervoud if facet.name in FACET else "keuzes",
    }


@register.simple_tag
def facet_waarden(facet, values, tellen):
    """The checkboxes of one facet, with their counts.

    The one rule for values without results: a value with count 0 that is not chosen is greyed
    and disabled (choosing it could only give nothing); a chosen one always stays operable so it
    can be unticked. Without counts (index down) nothing is disabled. Built here rather than with
    an {% include %} per value: a facet can list hundreds of organisations, and an include per
    value was most of the page's rendering time (and format_html per value, half of the rest).
    Every value and label is escaped; counts are integers.
    """
    name = escape(facet.name)
    rows = []
    for v in values:
        leeg = tellen and not v.count and not v.selected
        count = int(v.count)
        aantal = (
            f' <span class="facet-aantal" data-aantal="{count}">({count})</span>' if tellen else ""
        )
        rows.append(
            f'<li class="facet-waarde{" is-leeg" if leeg else ""}"><label>'
            f'<input type="checkbox" name="{name}" value="{escape(v.value)}"'
            f"{' checked' if v.selected else ''}{' disabled' if leeg else ''}>"
            f'<span class="facet-label">{escape(v.label)}{aantal}</span></label></li>'
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped or an integer


@register.filter
def groep_label(groep):
    try:
        return ToegankelijkheidGroep(groep).label
    except ValueError:
        return "Andere"


@register.simple_tag
def sorteer_opties(zoek):
    """Best passend only makes sense with words."""
    return [
        (value, label, value == zoek.sort)
        for value, label in SORT_LABELS.items()
        if value != "relevantie" or zoek.text.strip()
    ]
