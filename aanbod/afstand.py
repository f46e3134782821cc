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
from collections import defaultdict
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext

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
    waarde: str = ""  # the wijk slug or the postcode

    @property
    def velden(self):
        """The URL parameters that give this starting point again (forms, links)."""
        if self.soort == "positie":
            return {
                "lat": f"{self.lat:.{POSITIE_DECIMALEN}f}",
                "lon": f"{self.lon:.{POSITIE_DECIMALEN}f}",
            }
        return {"vanaf" if self.soort == "wijk" else "postcode": self.waarde}


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


# A position is rounded to three decimals (about 100 m in Ghent) before any use.
POSITIE_DECIMALEN = 3


def vertrekpunt(vanaf="", postcode="", lat="", lon=""):
    """(Vertrekpunt or None, notices) from the parameters `vanaf` (a wijk slug, or a Ghent
    postcode), `postcode` and `lat`/`lon` (the visitor's position, rounded to about 100 m;
    it wins over the others, then the wijk, then the postcode)."""
    vanaf = str(vanaf or "").strip()[:80]
    postcode = str(postcode or "").strip()[:80]
    if str(lat or "").strip() or str(lon or "").strip():
        y, x = _getal(lat), _getal(lon)
        (south, west), (north, east) = BELGIE
        if y is not None and x is not None and south <= y <= north and west <= x <= east:
            y, x = round(y, POSITIE_DECIMALEN), round(x, POSITIE_DECIMALEN)
            return Vertrekpunt(y, x, "positie"), []
        return None, [
            gettext(
                "Die plaats ligt niet in België of we konden ze niet lezen. "
                "We tonen geen afstanden."
            )
        ]
    for waarde in (vanaf, postcode):
        if waarde in WIJK_CENTRA:
            return Vertrekpunt(*WIJK_CENTRA[waarde], "wijk", waarde), []
        if waarde in POSTCODE_CENTRA:
            return Vertrekpunt(*POSTCODE_CENTRA[waarde], "postcode", waarde), []
    if not (vanaf or postcode):
        return None, []
    return None, [
        gettext(
            "Die wijk of postcode kennen we niet. Kies een wijk van Gent of een postcode van "
            "Gent (9000 tot 9052). We tonen geen afstanden."
        )
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
    """ "± 350 m" under a kilometre, "± 1,2 km" under ten, "± 14 km" beyond, with the current
    language's decimal mark: the centres are approximate, hence the ±."""
    if kilometers is None:
        return ""
    if kilometers < 1:
        meters = max(50, round(kilometers * 1000 / 50) * 50)
        return gettext("± %(afstand)s m") % {"afstand": meters}
    if kilometers < 10:
        waarde = number_format(round(kilometers, 1), decimal_pos=1, use_l10n=True)
    else:
        waarde = number_format(round(kilometers), use_l10n=True)
    return gettext("± %(afstand)s km") % {"afstand": waarde}


def plaatsen_per_aanbod(ids):
    """(offer id, lat, lon) for every place of the given offers, by the rule of plaatsen():
    the search seam's `places` (read once per index generation, so every row at once)."""
    from .models import AanbodLocatie, AanbodPage

    wanted = set(ids)
    pages = AanbodPage.objects.all()
    locaties = AanbodLocatie.objects.all()
    koppelingen = AanbodPage.wijken.through.objects.all()
    if len(wanted) <= 500:  # a few offers (the fallback listing): only theirs
        pages = pages.filter(pk__in=wanted)
        locaties = locaties.filter(aanbod_id__in=wanted)
        koppelingen = koppelingen.filter(aanbodpage_id__in=wanted)
    per_aanbod = defaultdict(list)
    for pk, lat, lon, wijk, code in locaties.values_list(
        "aanbod_id", "latitude", "longitude", "wijk__slug", "postcode"
    ):
        per_aanbod[pk].append({"lat": lat, "lon": lon, "wijk": wijk, "postcode": code})
    wijken = defaultdict(list)
    for pk, slug in koppelingen.values_list("aanbodpage_id", "wijk__slug"):
        wijken[pk].append(slug)
    for pk, stadsbreed, vormen in pages.values_list("pk", "stadsbreed", "vormen"):
        if pk in wanted:
            for lat, lon in plaatsen(per_aanbod[pk], wijken[pk], stadsbreed, vormen):
                yield pk, lat, lon
