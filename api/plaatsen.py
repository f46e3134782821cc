"""Addresses and contacts in the API's JSON: one shape for offers, activities and organisations."""


def _or_none(value):
    return value or None


def _coordinate(value):
    return None if value is None else float(value)


def address(straat_nummer, postcode, gemeente):
    """The `address` object; null without a street (a city alone says nowhere to go)."""
    if not straat_nummer:
        return None
    return {
        "street_address": straat_nummer,
        "postcode": _or_none(postcode),
        "city": _or_none(gemeente),
        "text": ", ".join(p for p in (straat_nummer, f"{postcode} {gemeente}".strip()) if p),
    }


def location(locatie):
    """One place of an offer (AanbodLocatie)."""
    return {
        "name": _or_none(locatie.naam),
        "address": address(locatie.straat_nummer, locatie.postcode, locatie.gemeente),
        "latitude": _coordinate(locatie.latitude),
        "longitude": _coordinate(locatie.longitude),
        "district": locatie.wijk.slug if locatie.wijk_id else None,
        "public_transport": _or_none(locatie.openbaar_vervoer),
    }


def place(plaats, online_url=""):
    """An activity's place (kalender.praktisch.Plaats): where, or only an online link."""
    return {
        "name": _or_none(plaats.naam),
        "address": address(plaats.straat_nummer, plaats.postcode, plaats.gemeente),
        "online_url": _or_none(online_url),
    }


def contact(telefoon="", email="", website=""):
    return {"phone": _or_none(telefoon), "email": _or_none(email), "website": _or_none(website)}
