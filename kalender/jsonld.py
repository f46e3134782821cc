"""schema.org Event for an activity page and EventSeries for a campaign page, so search engines
and apps can read their dates; addresses, organisations and escaping as in aanbod/jsonld.py."""

from django.utils.html import strip_tags

from aanbod import jsonld as basis
from preventiezoeker.links import absolute_url

MAX_SUBEVENTS = 50


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
        # An address only with a street (a name alone is no address), and then only the parts
        # that are known: never an empty street or postcode.
        adres = None
        if plaats.straat_nummer:
            gemeente = plaats.gemeente or activiteit.gemeente
            adres = basis.postadres(plaats.straat_nummer, plaats.postcode, gemeente)
        locaties.append(basis.plaats(plaats.naam or plaats.adres, adres))
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
        data["organizer"] = basis.organisatie(org, request)
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
    return basis.als_script(data)


def _iso(moment, tijd):
    return tijd.date().isoformat() if moment.hele_dag else tijd.isoformat()


def campagne_jsonld(campagne, request, kalender):
    """A campaign as an EventSeries: its period, and its visible activities' coming moments in
    that period as Events (`kalender`: the campaign page's own calendar query)."""
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": campagne.title,
        "description": strip_tags(campagne.in_het_kort),
        "url": absolute_url(request, campagne),
        "startDate": campagne.start.isoformat(),
        "endDate": campagne.einde.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    themas = [t.weergave for t in campagne.themas.all()]
    if themas:
        data["keywords"] = ", ".join(themas)
    sub = []
    for moment in kalender.momenten[:MAX_SUBEVENTS]:
        activiteit = moment.activiteit
        event = {
            "@type": "Event",
            "name": activiteit.title,
            "startDate": _iso(moment, moment.lokale_start),
            "endDate": _iso(moment, moment.lokaal_einde),
        }
        if url := absolute_url(request, activiteit):
            event["url"] = url
        org = activiteit.organisatie_cached
        if org is not None:
            event["organizer"] = {"@type": "Organization", "name": org.title}
        sub.append(event)
    if sub:
        data["subEvent"] = sub
    return basis.als_script(data)
