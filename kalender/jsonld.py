"""schema.org Event for an activity page, so search engines and apps can read its dates."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from preventiezoeker.links import absolute_url

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def event_jsonld(activiteit, request, volgende, context):
    """A JSON string, safe inside <script type="application/ld+json">; the place and price are
    the page's own (`context`: kalender/praktisch.py), so both always say the same."""
    org = activiteit.organisatie
    effectief = activiteit.effectieve
    plaats, prijs = context["plaats"], context["prijs"]
    fysiek = bool(plaats)
    online = bool(activiteit.online_link)
    if fysiek and online:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    locaties = []
    if fysiek:
        locatie = {"@type": "Place", "name": plaats.naam or plaats.adres}
        if plaats.straat_nummer:
            locatie["address"] = {
                "@type": "PostalAddress",
                "streetAddress": plaats.straat_nummer,
                "postalCode": plaats.postcode,
                "addressLocality": plaats.gemeente,
                "addressCountry": "BE",
            }
        locaties.append(locatie)
    if online:
        locaties.append({"@type": "VirtualLocation", "url": activiteit.online_link})
    gratis = prijs.gratis
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activiteit.title,
        "description": strip_tags(activiteit.in_het_kort),
        "url": absolute_url(request, activiteit),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "inLanguage": [t.slug for t in effectief["talen"]] or ["nl"],
        "isAccessibleForFree": gratis,
        "offers": {
            "@type": "Offer",
            "priceCurrency": "EUR",
            "url": context["contact"].link or absolute_url(request, activiteit),
        },
    }
    if prijs.bedrag is not None or gratis:  # no price at all: no made-up zero
        data["offers"]["price"] = f"{prijs.bedrag:.2f}" if prijs.bedrag is not None else "0"
    if locaties:
        data["location"] = locaties[0] if len(locaties) == 1 else locaties
    if org is not None:
        data["organizer"] = {
            "@type": "Organization",
            "name": org.title,
            "url": absolute_url(request, org),
        }
    if volgende:
        eerste = volgende[0]
        data["startDate"] = _iso(eerste, eerste.lokale_start)
        data["endDate"] = _iso(eerste, eerste.lokaal_einde)
        if len(volgende) > 1:
            data["subEvent"] = [
                {
                    "@type": "Event",
                    "name": activiteit.title,
                    "startDate": _iso(v, v.lokale_start),
                    "endDate": _iso(v, v.lokaal_einde),
                }
                for v in volgende[1:]
            ]
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def _iso(moment, tijd):
    return tijd.date().isoformat() if moment.hele_dag else tijd.isoformat()
