"""schema.org Event for an activity page, so search engines and apps can read its dates."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from aanbod.enums import PrijsCategorie
from preventiezoeker.links import absolute_url

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def event_jsonld(activiteit, request, volgende):
    """A JSON string, safe inside <script type="application/ld+json">."""
    org = activiteit.organisatie
    effectief = activiteit.effectieve
    adres = activiteit.adres
    fysiek = bool(adres or activiteit.locatie_naam)
    online = bool(activiteit.online_link)
    if fysiek and online:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    locaties = []
    if fysiek:
        locaties.append(
            {
                "@type": "Place",
                "name": activiteit.locatie_naam or adres,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": activiteit.straat_nummer,
                    "postalCode": activiteit.postcode,
                    "addressLocality": activiteit.gemeente,
                    "addressCountry": "BE",
                },
            }
        )
    if online:
        locaties.append({"@type": "VirtualLocation", "url": activiteit.online_link})
    prijs = effectief["bedrag"]
    gratis = PrijsCategorie.GRATIS.label in effectief["prijs"]
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
            "price": "0" if gratis or prijs is None else f"{prijs:.2f}",
            "priceCurrency": "EUR",
            "url": activiteit.inschrijving_link or absolute_url(request, activiteit),
        },
    }
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
