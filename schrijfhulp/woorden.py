"""Which words are rare, long or officialese.

Rare: not among the ~29,000 most frequent Dutch word forms (data/woordfrequentie_nl.txt, see
data/BRONNEN.md) and not a compound of two of them ("buurt" + "sportwerker").
Long: 13 letters or more, or 5 syllables or more (counted; a hint only from 18 letters or 6
syllables, since Dutch compounds people know, like "gezondheidscentrum", are long too).
Officialese: the coordinators' list (AmbtelijkWoord), matched with its usual inflections.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from schrijfhulp.tekst import is_woord_van_letters, lettergrepen

LIJST = Path(__file__).resolve().parent / "data" / "woordfrequentie_nl.txt"
LANG_LETTERS = 13
LANG_LETTERGREPEN = 5
# Joints between the parts of a compound: "gezondheid-s-centrum", "boek-en-kast", "zieke-n-huis".
TUSSENKLANKEN = ("", "s", "e", "en", "n", "-")
MIN_DEEL = 3
# Longer "words" (pasted garbage, URLs without spaces) are not taken apart: that is quadratic.
MAX_SAMENSTELLING = 40


@cache
def gewone_woorden():
    with LIJST.open(encoding="utf-8") as bestand:
        return frozenset(regel.strip() for regel in bestand if not regel.startswith("#"))


def is_gewoon(woord):
    """A common word form, or a compound of two (the second may itself be a compound)."""
    woord = re.sub(r"['’]s$", "", woord.lower())  # "foto's" -> "foto"
    gewoon = gewone_woorden()
    if woord in gewoon or any(vorm in gewoon for vorm in _stammen(woord)):
        return True
    if len(woord) > MAX_SAMENSTELLING:
        return False
    if "-" in woord:
        return all(is_gewoon(deel) for deel in woord.split("-") if deel)
    return _is_samenstelling(woord, diepte=2)


# Inflections frequency lists hold less often than the base form: "poetst" -> "poets",
# "piekert" -> "pieker", "tandje" -> "tand", "gepoetst" -> "poets".
UITGANGEN = ("tjes", "jes", "tje", "je", "ten", "den", "te", "de", "en", "e", "t", "s")


def _stammen(woord):
    for basis in (woord, woord[2:] if woord.startswith("ge") else None):
        if not basis:
            continue
        for uitgang in UITGANGEN:
            if basis.endswith(uitgang) and len(basis) - len(uitgang) >= MIN_DEEL:
                yield basis[: -len(uitgang)]
        yield basis


def _is_samenstelling(woord, diepte):
    gewoon = gewone_woorden()
    for eind in range(len(woord) - MIN_DEEL, MIN_DEEL - 1, -1):
        kop, staart = woord[:eind], woord[eind:]
        for klank in TUSSENKLANKEN:
            if not staart.startswith(klank) or len(staart) - len(klank) < MIN_DEEL:
                continue
            rest = staart[len(klank) :]
            if kop in gewoon and (
                rest in gewoon or (diepte > 1 and _is_samenstelling(rest, diepte - 1))
            ):
                return True
    return False


def is_moeilijk(woord, begin_van_zin):
    """Rare enough to explain. Names (a capital inside a sentence), numbers and short words
    are never flagged."""
    if not is_woord_van_letters(woord) or len(woord) < 5:
        return False
    if woord[0].isupper() and not begin_van_zin:
        return False
    if woord.isupper():  # an acronym: "CAW", "OCMW"
        return False
    return not is_gewoon(woord)


def is_lang(woord):
    if not is_woord_van_letters(woord):
        return False
    return len(woord.replace("-", "")) >= LANG_LETTERS or lettergrepen(woord) >= LANG_LETTERGREPEN


def is_heel_lang(woord):
    """Long enough to suggest a shorter word: 18 letters or 6 syllables."""
    letters = len(woord.replace("-", ""))
    return is_woord_van_letters(woord) and (letters >= 18 or lettergrepen(woord) >= 6)


# Officialese ----------------------------------------------------------------------------------

KLINKERS = "aeiouy"


def vormen(woord):
    """The forms an officialese word takes in running text: "psychosociaal" -> "psychosociale",
    "laagdrempelig" -> "laagdrempelige", "trachten" -> "tracht", "getracht", ..."""
    woord = woord.lower()
    uitgangen = ("", "e", "en", "er", "ere", "s", "heid")
    resultaat = {woord + uitgang for uitgang in uitgangen}
    # An open syllable loses one vowel: "sociaal" -> "sociale", "woonachtig" has none.
    if m := re.fullmatch(rf"(.*?)(aa|ee|oo|uu)([^{KLINKERS}])", woord):
        open_ = m[1] + m[2][0] + m[3]
        resultaat |= {open_ + uitgang for uitgang in ("e", "en", "er", "ere")}
    # f and s voice before a vowel: "integratief" -> "integratieve", "precies" -> "precieze".
    for stem, stemhebbend in (("f", "v"), ("s", "z")):
        if woord.endswith(stem):
            voor = woord[:-1] + stemhebbend
            resultaat |= {voor + uitgang for uitgang in ("e", "en", "er", "ere")}
    # A verb: "trachten" -> "tracht", "trachtte", "getracht", "trachtend".
    if woord.endswith("en") and len(woord) > 5:
        stam = woord[:-2]
        if len(stam) > 2 and stam[-1] == stam[-2] and stam[-1] not in KLINKERS:
            stam = stam[:-1]
        resultaat |= {stam + uitgang for uitgang in ("", "t", "te", "ten", "de", "den", "end")}
        resultaat |= {stam + "ende", "ge" + stam + "t", "ge" + stam + "d", "ge" + stam}
    return resultaat


@dataclass(frozen=True)
class Ambtelijk:
    woord: str
    zeg_liever: str = ""


class AmbtelijkeLijst:
    """Finds the list's words and phrases ("ten behoeve van") in a sentence's words."""

    def __init__(self, items):
        self.enkel = {}
        self.zinsdelen = []
        for item in items:
            delen = item.woord.lower().split()
            if len(delen) == 1:
                for vorm in vormen(delen[0]):
                    self.enkel.setdefault(vorm, item)
            elif delen:
                self.zinsdelen.append((delen, item))

    def vind(self, woorden):
        """(as written, item) for every hit, in order of appearance."""
        laag = [woord.lower() for woord in woorden]
        treffers = []
        for start in range(len(laag)):
            for delen, item in self.zinsdelen:
                if laag[start : start + len(delen)] == delen:
                    treffers.append((start, " ".join(woorden[start : start + len(delen)]), item))
            if laag[start] in self.enkel:
                treffers.append((start, woorden[start], self.enkel[laag[start]]))
        return [(geschreven, item) for _, geschreven, item in sorted(treffers, key=lambda t: t[0])]
