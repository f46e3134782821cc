"""Where, how to enrol and what it costs, for an activity page and its JSON-LD alike.

Each fact comes from the activity itself, else from its linked offer (only one the public may see),
else, for a way to enrol, from its organisation. The rules:
- Address: the activity's own street; else the offer location whose name matches the activity's
  place name, or the offer's only location when the activity names no place (and is not online).
- Enrol: "op afspraak" or "inschrijven" always comes with a phone, e-mail or link.
- Price: price categories and amount are one fact, taken together from the activity or from the
  offer, never mixed. An amount means not free: "Gratis" never shows next to "€ 45".
"""

from dataclasses import dataclass
from decimal import Decimal

from aanbod.enums import Inschrijving, PrijsCategorie

# Ways to enrol that need a contact to make them possible.
MET_CONTACT = {Inschrijving.INSCHRIJVEN, Inschrijving.OP_AFSPRAAK}


@dataclass(frozen=True)
class Plaats:
    naam: str = ""
    straat_nummer: str = ""
    postcode: str = ""
    gemeente: str = ""

    @property
    def adres(self):
        """'Palinghuizen 2, 9000 Gent', or nothing without a street."""
        if not self.straat_nummer:
            return ""
        return ", ".join(
            p for p in (self.straat_nummer, f"{self.postcode} {self.gemeente}".strip()) if p
        )

    def __bool__(self):
        return bool(self.naam or self.straat_nummer)


@dataclass(frozen=True)
class Contact:
    telefoon: str = ""
    email: str = ""
    link: str = ""
    website: str = ""  # the organisation's, when neither activity nor offer gives a link
    van_organisatie: bool = False

    def __bool__(self):
        return bool(self.telefoon or self.email or self.link or self.website)


@dataclass(frozen=True)
class Prijs:
    labels: tuple = ()
    bedrag: Decimal | None = None

    @property
    def gratis(self):
        return self.bedrag is None and PrijsCategorie.GRATIS.label in self.labels

    def __bool__(self):
        return bool(self.labels) or self.bedrag is not None


def _gelijk(a, b):
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a and b) and (a in b or b in a)


def plaats(activiteit, aanbod):
    """The activity's place; `aanbod` is its linked offer if the public may see it, else None."""
    eigen = Plaats(
        activiteit.locatie_naam,
        activiteit.straat_nummer,
        activiteit.postcode,
        activiteit.gemeente if activiteit.straat_nummer else "",
    )
    if activiteit.straat_nummer or aanbod is None:
        return eigen
    if not activiteit.locatie_naam and activiteit.online_link:
        return eigen  # online only: no building
    locaties = list(aanbod.locaties.all())
    if activiteit.locatie_naam:
        gevonden = [loc for loc in locaties if _gelijk(loc.naam, activiteit.locatie_naam)]
    else:
        gevonden = locaties if len(locaties) == 1 else []
    if not gevonden:
        return eigen
    loc = gevonden[0]
    return Plaats(
        activiteit.locatie_naam or loc.naam, loc.straat_nummer, loc.postcode, loc.gemeente
    )


def _contact_van(bron):
    return Contact(bron.inschrijving_telefoon, bron.inschrijving_email, bron.inschrijving_link)


def contact(activiteit, aanbod, organisatie):
    """Phone, e-mail or link to enrol: the activity's, else the offer's, else the organisation's."""
    for bron in (activiteit, aanbod):
        if bron is not None and _contact_van(bron):
            return _contact_van(bron)
    if organisatie is None:
        return Contact()
    return Contact(
        organisatie.telefoon, organisatie.email, website=organisatie.website, van_organisatie=True
    )


def prijs(activiteit, aanbod):
    """Categories and amount together from the activity, or together from its offer."""
    eigen = bool(activiteit.prijs) or activiteit.bedrag is not None
    bron = activiteit if eigen or aanbod is None else aanbod
    waarden = list(bron.prijs or [])
    bedrag = bron.bedrag
    if bedrag is not None and bedrag <= 0:
        bedrag = None  # € 0 is free
        waarden = [w for w in waarden if w != PrijsCategorie.BETALEND] or [PrijsCategorie.GRATIS]
    if bedrag is not None:
        # An amount means not free; "betalend" says nothing the amount does not.
        waarden = [w for w in waarden if w not in (PrijsCategorie.GRATIS, PrijsCategorie.BETALEND)]
    labels = tuple(activiteit._meta.get_field("prijs").labels(waarden))
    return Prijs(labels, bedrag)
