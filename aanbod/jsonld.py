"""schema.org JSON-LD for offer pages (Service) and organisation pages (Organization), so search
engines and other directories read who offers what, where, for whom, in which languages and at
what price. The calendar's Event and EventSeries use the same helpers (kalender/jsonld.py).
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from preventiezoeker.links import absolute_url

from .enums import PrijsCategorie

LAND = "BE"
STAD = "Gent"
# Inside <script>, "</script>" or "<!--" in partner text must stay data: <, > and & as \u escapes
# (as Django's json_script); JSON readers decode them back.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def als_script(data):
    """`data` as JSON, safe inside <script type="application/ld+json">; properties without a
    value (an unsaved page's URL in a preview) are left out."""
    data = {k: v for k, v in data.items() if v is not None}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def postadres(straat_nummer, postcode, gemeente):
    """A PostalAddress with only the parts that are filled in (never an empty street or
    postcode); None without a street, postcode or municipality."""
    delen = {
        "streetAddress": (straat_nummer or "").strip(),
        "postalCode": (postcode or "").strip(),
        "addressLocality": (gemeente or "").strip(),
    }
    if not any(delen.values()):
        return None
    return {
        "@type": "PostalAddress",
        **{k: v for k, v in delen.items() if v},
        "addressCountry": LAND,
    }


def plaats(naam, adres, latitude=None, longitude=None):
    """A Place with its address and, where known, its coordinates."""
    data = {"@type": "Place"}
    if naam:
        data["name"] = naam
    if adres:
        data["address"] = adres
    if latitude is not None and longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(latitude),
            "longitude": float(longitude),
        }
    return data


def organisatie(org, request):
    """An Organization: name, its page, website, phone, e-mail and address where known."""
    pagina = absolute_url(request, org)
    data = {"@type": "Organization", "name": org.title, "url": org.website or pagina}
    if org.website and pagina:
        data["mainEntityOfPage"] = pagina
    if org.telefoon:
        data["telephone"] = org.telefoon
    if org.email:
        data["email"] = org.email
    adres = postadres(org.straat_nummer, org.postcode, org.gemeente if org.straat_nummer else "")
    if adres:
        data["address"] = adres
    return data


def organisatie_jsonld(org, request, aanbod):
    """The organisation page: the Organization and, as offers, its visible services
    (`aanbod`: the page's own list, already filtered by zichtbaar())."""
    data = {"@context": "https://schema.org", **organisatie(org, request)}
    if org.korte_beschrijving:
        data["description"] = org.korte_beschrijving
    if org.soort:
        data["additionalType"] = org.get_soort_display()
    diensten = [
        {"@type": "Offer", "itemOffered": {"@type": "Service", "name": p.title, "url": url}}
        for p in aanbod
        if (url := absolute_url(request, p))
    ]
    if diensten:
        data["makesOffer"] = diensten
    return als_script(data)


def _gebied(page, wijken):
    stad = {"@type": "City", "name": STAD}
    if page.stadsbreed or not wijken:
        return stad
    return [{"@type": "Place", "name": w.weergave, "containedInPlace": stad} for w in wijken]


def _publiek(page, doelgroepen):
    data = {"@type": "PeopleAudience"}
    if doelgroepen:
        data["audienceType"] = ", ".join(d.weergave for d in doelgroepen)
    if page.min_leeftijd is not None:
        data["suggestedMinAge"] = page.min_leeftijd
    if page.max_leeftijd is not None:
        data["suggestedMaxAge"] = page.max_leeftijd
    return data if len(data) > 1 else None


def _aanbieding(page, url, tekst):
    """The price: an amount, else 0 when free; categories and the note as its description."""
    data = {"@type": "Offer", "priceCurrency": "EUR", "url": page.inschrijving_link or url}
    if page.bedrag is not None and page.bedrag > 0:
        data["price"] = f"{page.bedrag:.2f}"
    elif PrijsCategorie.GRATIS in (page.prijs or []) or page.bedrag is not None:
        data["price"] = "0"
    uitleg = [str(label) for label in page.prijs_labels]
    if tekst.prijs_toelichting:
        uitleg.append(str(tekst.prijs_toelichting))
    if uitleg:
        data["description"] = ". ".join(uitleg)
    return data


def service_jsonld(page, request, tekst):
    """The offer page: a Service with its provider, area, audience, languages, price and
    places (`tekst`: the page's texts in its language, AanbodPage.in_taal)."""
    url = absolute_url(request, page)
    talen = [
        {"@type": "Language", "name": t.weergave, "alternateName": t.slug} for t in page.talen.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": str(tekst.titel),
        "description": strip_tags(str(tekst.in_het_kort)),
        "url": url,
        "provider": organisatie(page.organisatie, request),
        "areaServed": _gebied(page, list(page.wijken.all())),
        "offers": _aanbieding(page, url, tekst),
    }
    themas = [t.weergave for t in page.themas.all()]
    if themas:
        data["serviceType"] = themas[0]
        data["category"] = themas
    if talen:
        data["availableLanguage"] = talen
    publiek = _publiek(page, list(page.doelgroepen.all()))
    if publiek:
        data["audience"] = publiek
    kanaal = {"@type": "ServiceChannel", "serviceUrl": page.inschrijving_link or url}
    if page.inschrijving_telefoon:
        kanaal["servicePhone"] = {"@type": "ContactPoint", "telephone": page.inschrijving_telefoon}
    if talen:
        kanaal["availableLanguage"] = talen
    plekken = [
        plaats(
            loc.naam, postadres(loc.straat_nummer, loc.postcode, loc.gemeente),
            loc.latitude, loc.longitude,
        )
        for loc in page.locaties.all()
    ]  # fmt: skip
    if plekken:
        kanaal["serviceLocation"] = plekken[0] if len(plekken) == 1 else plekken
    data["availableChannel"] = kanaal
    return als_script(data)
