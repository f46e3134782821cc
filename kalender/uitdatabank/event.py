"""One activity as a UiTdatabank event (the subset of publiq's event model we can fill).

The mapping table is in the package docstring (kalender/uitdatabank/__init__.py). Every value
comes from the activity, else from its offer only when the public may see that offer (the rules
of kalender/praktisch.py and kalender/models/overerving.py), else from its organisation.
"""

import html
import re

from django.utils.html import strip_tags

from .. import praktisch
from ..models import overerving
from . import agenda, termen
from .selectie import FACETTEN

HOOFDTAAL = "nl"
TALEN = ("nl", "fr", "de", "en")  # the languages UiTdatabank accepts
BASISTARIEF = {"nl": "Basistarief", "fr": "Tarif de base", "en": "Base tariff", "de": "Basisrate"}
INSCHRIJVEN = {"nl": "Inschrijven", "fr": "S'inscrire", "en": "Register", "de": "Anmelden"}
LAND = "BE"
_ALINEA = re.compile(r"</(p|h[1-6]|li)>|<br\s*/?>", re.IGNORECASE)
_LEGE_REGELS = re.compile(r"\n\s*\n+")


def platte_tekst(rich_text):
    """Rich text as plain text with blank lines between paragraphs (UiTdatabank's description
    is text; markup of ours would show as tags)."""
    text = html.unescape(strip_tags(_ALINEA.sub("\n\n", rich_text or "")))
    return _LEGE_REGELS.sub("\n\n", text).strip()


def _gelijk(a, b):
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def _teksten(activiteit, aanbod):
    """(name, description) per language. Activities have no translations of their own: the
    offer's translated title and summary count only where the activity uses the offer's own
    Dutch text word for word (and has no longer description of its own)."""
    name = {HOOFDTAAL: activiteit.title}
    beschrijving = "\n\n".join(
        t for t in (activiteit.in_het_kort.strip(), platte_tekst(activiteit.beschrijving)) if t
    )
    description = {HOOFDTAAL: beschrijving} if beschrijving else {}
    if aanbod is None:
        return name, description
    zelfde_titel = _gelijk(activiteit.title, aanbod.title)
    zelfde_tekst = _gelijk(activiteit.in_het_kort, aanbod.in_het_kort) and not platte_tekst(
        activiteit.beschrijving
    )
    for vertaling in aanbod.vertalingen.all():
        if vertaling.taal not in TALEN:
            continue
        if zelfde_titel and vertaling.titel.strip():
            name[vertaling.taal] = vertaling.titel.strip()
        if zelfde_tekst and vertaling.in_het_kort.strip():
            description[vertaling.taal] = vertaling.in_het_kort.strip()
    return name, description


def _facetten(activiteit, aanbod):
    """facet -> set of slugs of the facets the terms read, the offer's where the activity leaves
    one empty (only a visible offer: a hidden one lends nothing)."""
    per_naam = {f.naam: f for f in overerving.ERFBAAR if f.naam in FACETTEN}

    def van_aanbod(naam):
        return overerving.waarden(aanbod, per_naam[naam]) if aanbod is not None else {}

    eigen = {naam: overerving.waarden(activiteit, facet) for naam, facet in per_naam.items()}
    return {naam: set(w) for naam, w in overerving.erf(eigen, van_aanbod).items()}


def _locatie(plaats):
    locatie = {"mainLanguage": HOOFDTAAL, "name": {HOOFDTAAL: plaats.naam or plaats.adres}}
    if plaats.straat_nummer and plaats.postcode and plaats.gemeente:
        locatie["address"] = {
            HOOFDTAAL: {
                "streetAddress": plaats.straat_nummer,
                "postalCode": plaats.postcode,
                "addressLocality": plaats.gemeente,
                "addressCountry": LAND,
            }
        }
    return locatie


def _organizer(organisatie, link):
    organizer = {
        "mainLanguage": HOOFDTAAL,
        "name": {HOOFDTAAL: organisatie.title},
        "url": organisatie.website or link(organisatie),
    }
    if organisatie.straat_nummer and organisatie.postcode and organisatie.gemeente:
        organizer["address"] = {
            HOOFDTAAL: {
                "streetAddress": organisatie.straat_nummer,
                "postalCode": organisatie.postcode,
                "addressLocality": organisatie.gemeente,
                "addressCountry": LAND,
            }
        }
    return organizer


def _contact_point(organisatie):
    return {
        "phone": [organisatie.telefoon] if organisatie.telefoon else [],
        "email": [organisatie.email] if organisatie.email else [],
        "url": [organisatie.website] if organisatie.website else [],
    }


def _booking_info(contact):
    """The phone, e-mail or link to enrol of the activity or its offer (the organisation's
    general contact is the contactPoint instead)."""
    if not contact or contact.van_organisatie:
        return None
    info = {}
    if contact.telefoon:
        info["phone"] = contact.telefoon
    if contact.email:
        info["email"] = contact.email
    if contact.link:
        info["url"] = contact.link
        info["urlLabel"] = INSCHRIJVEN  # UiTdatabank requires a label with a url
    return info


def _price_info(prijs):
    """A base price when we know it (an amount, or free). Kansentarief/UiTPAS is never sent:
    UiTdatabank computes its `uitpas` prices itself from the base price once the event has a
    UiTPAS organizer, and refuses them from clients."""
    if prijs.bedrag is not None:
        price = float(prijs.bedrag)
    elif prijs.gratis:
        price = 0.0
    else:
        return None
    return [{"category": "base", "name": BASISTARIEF, "price": price, "priceCurrency": "EUR"}]


def _leeftijden(aanbod):
    if aanbod is None or (aanbod.min_leeftijd is None and aanbod.max_leeftijd is None):
        return None
    laag = "" if aanbod.min_leeftijd is None else str(aanbod.min_leeftijd)
    hoog = "" if aanbod.max_leeftijd is None else str(aanbod.max_leeftijd)
    return f"{laag}-{hoog}"


def _label(tekst):
    # UiTdatabank labels: 2 to 255 characters, no semicolon (its separator).
    tekst = tekst.replace(";", ",").strip()[:255]
    return tekst if len(tekst) >= 2 else None


def event(activiteit, bron, link):
    """The activity as a UiTdatabank event dict, or None when it has no dates.

    `bron`: a selectie.Bron; `link(page)`: the page's absolute URL."""
    kalender = agenda.kalender(activiteit, bron.momenten, bron.afgelast)
    if kalender is None:
        return None
    aanbod = bron.aanbod
    name, description = _teksten(activiteit, aanbod)
    facetten = _facetten(activiteit, aanbod)
    plaats = praktisch.plaats(activiteit, aanbod)
    online = bool(activiteit.online_link)
    data = {
        "mainLanguage": HOOFDTAAL,
        "name": name,
        "terms": termen.terms(facetten["thema"], facetten["vorm"], len(bron.momenten)),
        **kalender,
        "attendanceMode": ("mixed" if plaats else "online") if online else "offline",
        "audience": {"audienceType": "everyone"},
        "sameAs": [link(activiteit)],
    }
    if plaats:
        data["location"] = _locatie(plaats)
    if online:
        data["onlineUrl"] = activiteit.online_link
    if description:
        data["description"] = description
    data["languages"] = [t for t in TALEN if t in name or t in description]
    data["completedLanguages"] = [t for t in TALEN if t in name and t in description]
    if bron.organisatie is not None:
        data["organizer"] = _organizer(bron.organisatie, link)
        data["contactPoint"] = _contact_point(bron.organisatie)
    if info := _booking_info(praktisch.contact(activiteit, aanbod, bron.organisatie)):
        data["bookingInfo"] = info
    if price_info := _price_info(praktisch.prijs(activiteit, aanbod)):
        data["priceInfo"] = price_info
    if leeftijden := _leeftijden(aanbod):
        data["typicalAgeRange"] = leeftijden
    if bron.campagne is not None and (label := _label(bron.campagne.title)):
        data["labels"] = [label]
    return data


def ontbrekend(data):
    """What UiTdatabank requires and this event lacks, for the transport to supply or to skip
    the event: a place for an event that is not online-only, and a full address for it."""
    if data["attendanceMode"] == "online":
        return []
    if "location" not in data:
        return ["location"]
    return [] if "address" in data["location"] else ["location.address"]
