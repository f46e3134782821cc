"""Distance from a starting point to an offer: the pieces the "dichtstbij eerst" order needs.

A starting point is a wijk (its approximate centre), a Ghent postcode, or a position the
visitor's browser gave (lat/lon, asked only on a click; never stored or logged: the search
statistics keep words and facets only). An offer's place is its own location's coordinates,
else the centre of its location's wijk or postcode, else of its nearest wijk; city-wide and
online-only offers have no distance (they stay in the list, without one).

The centres are approximate (to about 300 m), enough to order offers by walking distance.
They live here rather than on Wijk until the wijk vocabulary gets coordinate fields.
"""

import math
from dataclasses import dataclass

from .enums import Vorm

# Approximate centres of Ghent's 25 wijken (WGS84 latitude, longitude).
WIJK_CENTRA = {
    "binnenstad": (51.0543, 3.7253),
    "bloemekenswijk": (51.0680, 3.7040),
    "brugse-poort-rooigem": (51.0560, 3.7000),
    "dampoort": (51.0590, 3.7440),
    "drongen": (51.0500, 3.6500),
    "elisabethbegijnhof-prinsenhof-papegaai-sint-michiels": (51.0540, 3.7130),
    "gentbrugge": (51.0400, 3.7650),
    "gentse-kanaaldorpen-en-zone": (51.1250, 3.7600),
    "ledeberg": (51.0380, 3.7430),
    "macharius-heirnis": (51.0480, 3.7450),
    "mariakerke": (51.0720, 3.6700),
    "moscou-vogelhoek": (51.0320, 3.7580),
    "muide-meulestede-afrikalaan": (51.0750, 3.7330),
    "nieuw-gent-uz": (51.0250, 3.7250),
    "oostakker": (51.0900, 3.7800),
    "oud-gentbrugge": (51.0480, 3.7600),
    "rabot-blaisantvest": (51.0640, 3.7130),
    "sint-amandsberg": (51.0640, 3.7550),
    "sint-denijs-westrem-afsnee": (51.0200, 3.6700),
    "sluizeken-tolhuis-ham": (51.0640, 3.7270),
    "stationsbuurt-noord": (51.0420, 3.7170),
    "stationsbuurt-zuid": (51.0330, 3.7100),
    "watersportbaan-ekkergem": (51.0450, 3.6980),
    "wondelgem": (51.0850, 3.7150),
    "zwijnaarde": (51.0050, 3.7100),
}
# Ghent's postcodes and the centre of the part of town each covers.
POSTCODE_CENTRA = {
    "9000": (51.0543, 3.7174),
    "9030": (51.0720, 3.6700),
    "9031": (51.0500, 3.6500),
    "9032": (51.0850, 3.7150),
    "9040": (51.0640, 3.7550),
    "9041": (51.0900, 3.7800),
    "9042": (51.1250, 3.7900),
    "9050": (51.0400, 3.7600),
    "9051": (51.0200, 3.6700),
    "9052": (51.0050, 3.7100),
}
# A position outside this box is not in Belgium: ignored with a notice.
BELGIE = ((49.49, 2.54), (51.51, 6.41))
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Vertrekpunt:
    lat: float
    lon: float
    soort: str  # "wijk", "postcode" or "positie"


def km(a, b):
    """Great-circle distance in km between two (lat, lon) points."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _getal(raw):
    try:
        value = float(str(raw).strip()[:20])
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def vertrekpunt(vanuit="", lat="", lon=""):
    """(Vertrekpunt or None, notices) from the parameters `vanuit` (a wijk slug or a Ghent
    postcode) and `lat`/`lon` (the visitor's position; wins over `vanuit`)."""
    vanuit = str(vanuit or "").strip()[:80]
    if str(lat or "").strip() or str(lon or "").strip():
        y, x = _getal(lat), _getal(lon)
        (south, west), (north, east) = BELGIE
        if y is not None and x is not None and south <= y <= north and west <= x <= east:
            return Vertrekpunt(y, x, "positie"), []
        return None, ["Die plaats ligt niet in België of is onleesbaar; we tonen geen afstanden."]
    if not vanuit:
        return None, []
    if vanuit in WIJK_CENTRA:
        return Vertrekpunt(*WIJK_CENTRA[vanuit], "wijk"), []
    if vanuit in POSTCODE_CENTRA:
        return Vertrekpunt(*POSTCODE_CENTRA[vanuit], "postcode"), []
    return None, [
        "Die wijk of postcode kennen we niet; kies een Gentse wijk of een postcode van Gent "
        "(9000 tot 9052). We tonen geen afstanden."
    ]


def plaatsen(locaties, wijken, stadsbreed, vormen):
    """The points an offer takes place at: its locations (coordinates, else the centre of
    their wijk or postcode), else its wijken's centres. Empty for a city-wide offer and an
    online-only one: those get no distance."""
    if stadsbreed:
        return []
    punten = []
    for locatie in locaties:
        if locatie.get("lat") is not None and locatie.get("lon") is not None:
            punten.append((float(locatie["lat"]), float(locatie["lon"])))
        elif locatie.get("wijk") in WIJK_CENTRA:
            punten.append(WIJK_CENTRA[locatie["wijk"]])
        elif str(locatie.get("postcode") or "").strip() in POSTCODE_CENTRA:
            punten.append(POSTCODE_CENTRA[str(locatie["postcode"]).strip()])
    if punten:
        return punten
    if set(vormen or ()) == {Vorm.ONLINE}:
        return []
    return [WIJK_CENTRA[w] for w in wijken if w in WIJK_CENTRA]


def afstand(punt, plekken):
    """km from the starting point to the nearest of an offer's places, or None."""
    if punt is None or not plekken:
        return None
    return min(km((punt.lat, punt.lon), p) for p in plekken)


def als_tekst(kilometers):
    """ "350 m" under a kilometre, "1,2 km" under ten, "14 km" beyond (Dutch decimal comma)."""
    if kilometers is None:
        return ""
    if kilometers < 1:
        return f"{max(50, round(kilometers * 1000 / 50) * 50)} m"
    if kilometers < 10:
        return f"{kilometers:.1f} km".replace(".", ",")
    return f"{round(kilometers)} km"
