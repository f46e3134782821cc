"""Small helpers for the search page (/aanbod/): links that drop filters, facet layout, paging.

Links are built by Django's {% querystring %}; these tags only supply the mapping to apply on
top of request.GET, e.g. {% zonder_waarde "wijk" "rabot" as m %}{% querystring request.GET m %}.
Every mapping sets page to None: a changed filter always starts again at page 1.
"""

import html
from itertools import groupby

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..afstand import WIJK_CENTRA, als_tekst
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
def facet_paneel(facets, tellen):
    """The filter panel: a <fieldset> per facet that has values, its checkboxes by facet_waarden.

    Grouped facets (toegankelijkheid) get a <fieldset> per group; long ones show some values
    and put the rest in a <details> "Toon alle ..." (facet_delen). Built here rather than with
    an {% include %} per facet, for the reason given at facet_waarden. Every text is escaped.
    """
    return mark_safe("".join(_facet(f, tellen) for f in facets if f.values))  # noqa: S308


def _facet(facet, tellen):
    if facet.name == "toegankelijkheid":
        body = "\n    ".join(
            '<fieldset class="facet-groep">\n'
            f"      <legend>{_esc(groep_label(groep))}</legend>\n"
            f'      <ul class="facet-waarden">{facet_waarden(facet, list(values), tellen)}</ul>\n'
            "    </fieldset>"
            for groep, values in groupby(facet.values, key=lambda v: v.groep)
        )
    else:
        delen = facet_delen(facet)
        zichtbaar, rest = delen["zichtbaar"], delen["rest"]
        body = f'<ul class="facet-waarden">{facet_waarden(facet, zichtbaar, tellen)}</ul>'
        if rest:
            # Outside the f-string: makemessages reads no calls inside one.
            toon_alle = _esc(gettext("Toon alle %s") % delen["meervoud"])
            nog = _esc(gettext("nog %d") % len(rest))
            body += (
                '\n    <details class="facet-meer">\n'
                f"      <summary>{toon_alle} "
                f'<span class="facet-meer-aantal">({nog})</span></summary>\n'
                f'      <ul class="facet-waarden">{facet_waarden(facet, rest, tellen)}</ul>\n'
                "    </details>"
            )
    return (
        f'\n<fieldset class="facet" id="facet-{_esc(facet.name)}">\n'
        f"  <legend>{_esc(facet.label)}</legend>\n  {body}\n</fieldset>\n"
    )


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
    value was most of the page's rendering time (and format_html per value, half of the rest;
    django.utils.html.escape's lazy-string check, a third of what remained).
    Every value and label is escaped; counts are integers.
    """
    name = _esc(facet.name)
    rows = []
    for v in values:
        leeg = tellen and not v.count and not v.selected
        count = int(v.count)
        aantal = (
            f' <span class="facet-aantal" data-aantal="{count}">({count})</span>' if tellen else ""
        )
        rows.append(
            f'<li class="facet-waarde{" is-leeg" if leeg else ""}"><label>'
            f'<input type="checkbox" name="{name}" value="{_esc(v.value)}"'
            f"{' checked' if v.selected else ''}{' disabled' if leeg else ''}>"
            f'<span class="facet-label">{_esc(v.label)}{aantal}</span></label></li>'
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped or an integer


@register.simple_tag(takes_context=True)
def zoek_resultaten(context, results, knoppen):
    """The result cards of the search page, one <li> each; `knoppen` maps an offer's pk to its
    "add to selection" form (doorverwijzing's selectie_knoppen, already safe HTML).

    Built here for the same reason as facet_waarden: a template per card was half of the page's
    rendering time. title_html and summary_html are escaped with <mark> around matched words
    (aanbod/markering.py); every other text is escaped here; pks and counts are integers.
    """
    request = context.get("request")
    cards = "".join(_kaart(r, request, knoppen.get(r.kaart.pk, "")) for r in results)
    return mark_safe(cards)  # noqa: S308 - see above


def _kaart(r, request, knop):
    p = r.kaart
    prijs = p.prijs_labels
    # Headings outside the f-strings: makemessages reads no calls inside one.
    prijs_kop, taal_kop, afstand_kop = gettext("Prijs"), gettext("Taal"), gettext("Afstand")
    prijs = (
        f"<div><dt>{_esc(prijs_kop)}</dt><dd>{_lijst(prijs, len(prijs))}</dd></div>\n    "
        if prijs
        else ""
    )
    wijken = [w.label for w in r.labels["wijken"]]
    waar = (
        _esc(gettext("Heel Gent"))
        if p.stadsbreed
        else (_lijst(wijken, 3) or _esc(gettext("Niet opgegeven")))
    )
    talen = [t.label for t in r.labels["talen"]]
    taal = f"\n    <div><dt>{_esc(taal_kop)}</dt><dd>{_lijst(talen, 4)}</dd></div>" if talen else ""
    afstand = ""
    if r.afstand is not None:
        afstand = (
            f'\n    <div class="afstand"><dt>{_esc(afstand_kop)}</dt>'
            f"<dd>{_esc(als_tekst(r.afstand))}</dd></div>"
        )
    waar_kop = _esc(gettext("Waar"))
    themas = "".join(f"<li>{_esc(t.label)}</li>" for t in r.labels["themas"])
    if themas:
        label = _esc(gettext("Thema's"))
        themas = f'\n  <ul class="tags" aria-label="{label}">{themas}</ul>'
    return (
        f'<li><article class="card resultaat" id="aanbod-{int(p.pk)}">\n'
        f'  <h3 class="card-title"{r.title_attrs}><a href="{_esc(p.get_url(request=request))}">'
        f"{r.title_html}</a></h3>\n"
        f'  <p class="card-org">{_esc(r.organisatie)}</p>\n'
        f'  <p class="resultaat-kort"{r.summary_attrs}>{r.summary_html}</p>\n'
        f"{r.waarschuwing_html}"
        f'  <dl class="hints">\n    {prijs}<div><dt>{waar_kop}</dt><dd>{waar}</dd></div>'
        f"{afstand}{taal}\n  </dl>"
        f"{themas}\n  {knop}\n</article></li>"
    )


def _lijst(labels, shown):
    """Up to `shown` labels, comma-separated, then "en nog N"; escaped."""
    text = ", ".join(_esc(label) for label in labels[:shown])
    if len(labels) <= shown:
        return text
    rest = len(labels) - shown
    return _esc(gettext("%(lijst)s en nog %(aantal)d")) % {"lijst": text, "aantal": rest}


def _esc(text):
    """django.utils.html.escape without its lazy-string check (a third of its cost here)."""
    return html.escape(str(text))


@register.filter
def groep_label(groep):
    try:
        return ToegankelijkheidGroep(groep).label
    except ValueError:
        return gettext("Andere")


@register.simple_tag
def vertrekpunt_wijken(zoek):
    """(slug, label, chosen) of the wijken a distance can start from, in the facet's order."""
    facet = next((f for f in zoek.facets if f.name == "wijk"), None)
    punt = zoek.vertrekpunt
    gekozen = punt.waarde if punt is not None and punt.soort == "wijk" else ""
    return [
        (v.value, v.label, v.value == gekozen)
        for v in (facet.values if facet else ())
        if v.value in WIJK_CENTRA
    ]


@register.simple_tag
def sorteer_opties(zoek):
    """Best passend only makes sense with words, Dichtstbij eerst only with a starting point
    (and then it is the default, so first)."""
    opties = [
        (value, label, value == zoek.sort)
        for value, label in SORT_LABELS.items()
        if (value != "relevantie" or zoek.text.strip())
        and (value != "afstand" or zoek.vertrekpunt is not None)
    ]
    if zoek.vertrekpunt is not None:
        opties.sort(key=lambda optie: optie[0] != "afstand")
    return opties
