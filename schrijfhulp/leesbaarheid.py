"""A Dutch readability reading of an offer's texts: per sentence concrete hints, per text the
figures, over all texts one verdict: "Duidelijke taal (B1)" or "Nog niet B1", with the reasons.

It only advises: nothing here stops a save or a publication.

The B1 rules follow the usual Dutch plain-language advice (Direct Duidelijk, Taalunie): sentences
of at most 20 words and about 15 on average, few long or rare words, no officialese. Flesch-Douma
(the Dutch Flesch formula: 206.84 - 0.93 x words per sentence - 77 x syllables per word) is shown
as a figure and must reach 60 ("vrij makkelijk").
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from schrijfhulp.tekst import alinea_s, lettergrepen, woorden, zinnen
from schrijfhulp.woorden import (
    AmbtelijkeLijst,
    gewone_woorden,
    is_heel_lang,
    is_lang,
    is_moeilijk,
)

MAX_WOORDEN_PER_ZIN = 20
MAX_GEMIDDELDE_ZIN = 15
MAX_AANDEEL_LANG = 0.20
# Distinct rare words: a few are fine when explained ("diëtist", "tabakoloog").
MAX_MOEILIJK = 2
MAX_AANDEEL_MOEILIJK = 0.03
MIN_FLESCH_DOUMA = 60


def flesch_douma(aantal_woorden, aantal_zinnen, aantal_lettergrepen):
    if not aantal_woorden or not aantal_zinnen:
        return None
    return round(
        206.84 - 0.93 * aantal_woorden / aantal_zinnen - 77 * aantal_lettergrepen / aantal_woorden,
        1,
    )


@dataclass
class Zin:
    tekst: str
    aantal_woorden: int
    lettergrepen: int
    lange_woorden: list = field(default_factory=list)
    moeilijke_woorden: list = field(default_factory=list)
    ambtelijk: list = field(default_factory=list)  # (as written, Ambtelijk)
    hints: list = field(default_factory=list)


def lees_zin(tekst, lijst):
    alle = woorden(tekst)
    zin = Zin(tekst=tekst, aantal_woorden=len(alle), lettergrepen=sum(map(lettergrepen, alle)))
    zin.ambtelijk = lijst.vind(alle)
    ambtelijk = {woord.lower() for geschreven, _ in zin.ambtelijk for woord in geschreven.split()}
    for positie, woord in enumerate(alle):
        if is_lang(woord):
            zin.lange_woorden.append(woord)
        if woord.lower() not in ambtelijk and is_moeilijk(woord, begin_van_zin=positie == 0):
            zin.moeilijke_woorden.append(woord)

    if zin.aantal_woorden > MAX_WOORDEN_PER_ZIN:
        zin.hints.append(f"Deze zin telt {zin.aantal_woorden} woorden. Maak er twee zinnen van.")
    for geschreven, item in zin.ambtelijk:
        if item.zeg_liever:
            zin.hints.append(f"‘{geschreven}’ → zeg liever ‘{item.zeg_liever}’.")
        else:
            zin.hints.append(
                f"‘{geschreven}’ is een moeilijk woord: leg het uit of kies een ander woord."
            )
    for woord in dict.fromkeys(zin.moeilijke_woorden):
        zin.hints.append(f"‘{woord}’ is een moeilijk woord: leg het uit of kies een ander woord.")
    # A long word people know ("gezondheidscentrum") is fine; a very long compound made up on
    # the spot ("wandelactiviteiten") reads slowly.
    for woord in dict.fromkeys(zin.lange_woorden):
        bekend = woord.lower() in ambtelijk or woord.lower() in gewone_woorden()
        if woord not in zin.moeilijke_woorden and not bekend and is_heel_lang(woord):
            zin.hints.append(f"‘{woord}’ is een lang woord. Kan het korter of eenvoudiger?")
    return zin


class _Telling:
    """Word counts of whatever has `zinnen`: one field's reading or all texts together."""

    @cached_property
    def woorden(self):
        return sum(zin.aantal_woorden for zin in self.zinnen)

    @cached_property
    def woorden_per_zin(self):
        return round(self.woorden / len(self.zinnen), 1) if self.zinnen else 0

    @cached_property
    def flesch_douma(self):
        lettergrepen_ = sum(zin.lettergrepen for zin in self.zinnen)
        return flesch_douma(self.woorden, len(self.zinnen), lettergrepen_)


@dataclass
class Tekstlezing(_Telling):
    """The reading of one field (the summary, the description, ...)."""

    naam: str
    label: str
    zinnen: list

    @cached_property
    def lange_woorden(self):
        return sum(len(zin.lange_woorden) for zin in self.zinnen)

    @cached_property
    def moeilijke_woorden(self):
        return sum(len(zin.moeilijke_woorden) for zin in self.zinnen)

    @cached_property
    def ambtelijke_woorden(self):
        return sum(len(zin.ambtelijk) for zin in self.zinnen)

    @cached_property
    def zinnen_met_hints(self):
        return [zin for zin in self.zinnen if zin.hints]


def lees_tekst(naam, label, tekst, lijst, html=False):
    gelezen = [lees_zin(zin, lijst) for alinea in alinea_s(tekst, html) for zin in zinnen(alinea)]
    return Tekstlezing(naam=naam, label=label, zinnen=gelezen)


@dataclass
class Lezing(_Telling):
    """The reading of all texts together, with the verdict."""

    teksten: list

    @cached_property
    def zinnen(self):
        return [zin for tekst in self.teksten for zin in tekst.zinnen]

    @cached_property
    def lange_woorden(self):
        return sum(tekst.lange_woorden for tekst in self.teksten)

    @cached_property
    def moeilijke_woorden(self):
        return sum(tekst.moeilijke_woorden for tekst in self.teksten)

    @cached_property
    def verschillende_moeilijke_woorden(self):
        return len({woord.lower() for zin in self.zinnen for woord in zin.moeilijke_woorden})

    @cached_property
    def ambtelijke_woorden(self):
        return sum(tekst.ambtelijke_woorden for tekst in self.teksten)

    @property
    def leeg(self):
        return not self.zinnen

    @cached_property
    def redenen(self):
        """Why it is not B1 yet, in plain Dutch; empty when it is."""
        if self.leeg:
            return []
        redenen = []
        te_lang = [zin for zin in self.zinnen if zin.aantal_woorden > MAX_WOORDEN_PER_ZIN]
        if te_lang:
            redenen.append(
                f"{_aantal(len(te_lang), 'zin is', 'zinnen zijn')} langer dan "
                f"{MAX_WOORDEN_PER_ZIN} woorden."
            )
        elif self.woorden_per_zin > MAX_GEMIDDELDE_ZIN:
            redenen.append(
                f"De zinnen tellen gemiddeld {_getal(self.woorden_per_zin)} woorden: "
                f"mik op {MAX_GEMIDDELDE_ZIN} of minder."
            )
        if self.ambtelijke_woorden:
            redenen.append(
                f"{_aantal(self.ambtelijke_woorden, 'ambtelijk woord', 'ambtelijke woorden')}."
            )
        moeilijk = self.verschillende_moeilijke_woorden
        if moeilijk > max(MAX_MOEILIJK, MAX_AANDEEL_MOEILIJK * self.woorden):
            redenen.append(f"{_aantal(moeilijk, 'moeilijk woord', 'moeilijke woorden')}.")
        if self.lange_woorden > max(1, MAX_AANDEEL_LANG * self.woorden):
            redenen.append(f"Veel lange woorden: {self.lange_woorden} van de {self.woorden}.")
        if not redenen and self.flesch_douma < MIN_FLESCH_DOUMA:
            redenen.append(
                f"Woorden en zinnen zijn samen nog te zwaar (Flesch-Douma "
                f"{_getal(self.flesch_douma)}; B1 vraagt {MIN_FLESCH_DOUMA} of meer)."
            )
        return redenen

    @property
    def is_b1(self):
        return None if self.leeg else not self.redenen

    @property
    def oordeel(self):
        if self.leeg:
            return "Nog geen tekst"
        return "Duidelijke taal (B1)" if self.is_b1 else "Nog niet B1"

    @property
    def uitleg(self):
        if self.leeg:
            return "Schrijf een korte inleiding en een beschrijving: dan lees ik mee."
        if self.is_b1:
            return (
                f"Korte zinnen (gemiddeld {_getal(self.woorden_per_zin)} woorden), weinig lange "
                "of moeilijke woorden en geen ambtelijke taal."
            )
        return " ".join(self.redenen)


def _aantal(n, enkelvoud, meervoud):
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _getal(waarde):
    return f"{waarde:g}".replace(".", ",")


def lees(teksten, ambtelijk):
    """teksten: (name, label, text, is_html) tuples; ambtelijk: Ambtelijk items."""
    lijst = AmbtelijkeLijst(ambtelijk)
    return Lezing(
        teksten=[
            lees_tekst(naam, label, tekst, lijst, html=html) for naam, label, tekst, html in teksten
        ]
    )
