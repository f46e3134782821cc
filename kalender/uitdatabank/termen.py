"""Our themes and forms as UiTdatabank taxonomy terms: the one mapping table.

Sources (read December 2026):
- eventtype ids and labels: publiq's own list in cultuurnet/udb3-backend,
  src/Event/EventTypeResolver.php (verified: each id below is in that list).
- theme ids and which themes UiTdatabank suggests per eventtype: publiq's taxonomy build script
  (the `suggestions` table behind https://taxonomy.uitdatabank.be/terms) and the test fixtures of
  cultuurnet/udb3-search-service. Verified ids; one label differs between sources (1.37.1.0.0 is
  "Gezondheid en zorg" in one, "Gezondheid en wellness" in the other): check it in the live
  taxonomy before the first upload.
Not mapped, because no verified UiTdatabank term fits: doelgroep, wijk, toegankelijkheid
(UiTdatabank's facility terms have ids we could not verify) and the forms individueel/aan huis.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    domain: str

    def as_dict(self):
        return {"id": self.id, "label": self.label, "domain": self.domain}


SPORT_EN_BEWEGING = Term("0.59.0.0.0", "Sport en beweging", "eventtype")
OPEN_SESSIES = Term("0.3.1.0.1", "Cursus met open sessies", "eventtype")
LEZING = Term("0.3.2.0.0", "Lezing of congres", "eventtype")
ONBEPAALD = Term("0.51.0.0.0", "Type onbepaald", "eventtype")

OMNISPORT = Term("1.51.12.0.0", "Omnisport en andere", "theme")
GEZONDHEID = Term("1.37.1.0.0", "Gezondheid en zorg", "theme")
VOEDING = Term("1.65.0.0.0", "Voeding", "theme")
OPVOEDING = Term("1.37.0.0.0", "Opvoeding", "theme")
PERSOON = Term("1.61.0.0.0", "Persoon en relaties", "theme")
MILIEU = Term("1.64.0.0.0", "Milieu en natuur", "theme")

# Our thema slug -> UiTdatabank theme. UiTdatabank gives an event at most one theme: the first of
# the activity's themes in this order wins (the specific ones before the broad "Gezondheid").
THEMA = {
    "beweging": OMNISPORT,
    "gezonde-voeding": VOEDING,
    "zwangerschap-en-jonge-kinderen": OPVOEDING,
    "seksuele-gezondheid": PERSOON,
    "eenzaamheid-en-sociaal-contact": PERSOON,
    "gezondheid-en-milieu": MILIEU,
    "mondzorg": GEZONDHEID,
    "mentaal-welbevinden": GEZONDHEID,
    "rookstop-en-tabak": GEZONDHEID,
    "alcohol-en-drugs": GEZONDHEID,
    "gokken-en-gamen": GEZONDHEID,
    "valpreventie": GEZONDHEID,
    "mantelzorg": GEZONDHEID,
    "wegwijs-in-de-zorg": GEZONDHEID,
    "vaccinatie": GEZONDHEID,
    "kankeropsporing": GEZONDHEID,
}

# The themes UiTdatabank suggests with each eventtype (its editor offers no others).
THEMAS_BIJ = {
    SPORT_EN_BEWEGING: {OMNISPORT},
    OPEN_SESSIES: {GEZONDHEID, VOEDING, OPVOEDING, PERSOON, MILIEU},
    LEZING: {GEZONDHEID, OPVOEDING, PERSOON, MILIEU},
    ONBEPAALD: set(),
}


def eventtype(themas, vormen, aantal_momenten):
    """Exactly one eventtype, by the first rule that fits:
    1. thema `beweging` -> Sport en beweging;
    2. a group activity on more than one date -> Cursus met open sessies;
    3. a group activity on one date -> Lezing of congres (our one-off group sessions are
       information sessions and workshops);
    4. anything else -> Type onbepaald (UiTdatabank's own term for "we do not know").
    """
    if "beweging" in themas:
        return SPORT_EN_BEWEGING
    if "groepsaanbod" in vormen:
        return OPEN_SESSIES if aantal_momenten > 1 else LEZING
    return ONBEPAALD


def terms(themas, vormen, aantal_momenten):
    """The `terms` list: the eventtype, then at most one theme that UiTdatabank suggests with it."""
    soort = eventtype(themas, vormen, aantal_momenten)
    result = [soort.as_dict()]
    for slug in THEMA:  # the table's order decides
        theme = THEMA[slug]
        if slug in themas and theme in THEMAS_BIJ[soort]:
            result.append(theme.as_dict())
            break
    return result
