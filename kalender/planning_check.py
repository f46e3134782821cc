"""Read the weekdays and hours out of an offer's free schedule text ("wanneer", AanbodPage.planning)
and compare them with its dated activities, so the editor can warn when the two disagree.

What it reads (Dutch, case and accents as typed):
- weekdays, also plural or compound: "dinsdag", "woensdagen", "elke donderdag",
  "maandagavonden", "woensdagnamiddag", "'s zaterdags";
- ranges of weekdays: "maandag tot vrijdag", "di–vr", "ma t.e.m. do"; "weekdagen"/"werkdagen"
  (Monday to Friday) and "weekend" (Saturday and Sunday);
- short weekday names only with a dot or in a range ("di.", "ma-vr"): "zo" and "do" are words too;
- hours: "18.30–20 uur", "14 tot 16 uur", "14u-16u", "19u", "19u30", "9:30", "om 19 uur",
  "vanaf 13 uur". A bare number ("8 keer", "15 januari") is never an hour.

What it does not read (and so never warns about): dates and months ("vanaf 15 januari"),
"half acht", numbers of sessions, which hour belongs to which day. The check only warns; it never
blocks a save, so a text it misreads costs a partner a glance, not their work.
"""

import datetime
import re
from dataclasses import dataclass, field

DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_STAMMEN = ("maan", "dins", "woens", "donder", "vrij", "zater", "zon")
_AFKORTINGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")

# A weekday word: the name, optionally with a plural or a part of the day glued to it.
_DAG = (
    r"(?:'s\s*)?(?P<stam>maan|dins|woens|donder|vrij|zater|zon)dag"
    r"(?:en|s|(?:avond|middag|namiddag|voormiddag|ochtend|morgen)(?:en)?)?"
)
_KORT = r"(?P<kort>ma|di|wo|do|vr|za|zo)"
_TOT = r"\s*(?:-|–|—|tot\s+en\s+met|tot|t\.?\s?e\.?\s?m\.?|tem)\s*"
_DAG_WOORD = re.compile(rf"\b{_DAG}\b", re.IGNORECASE)
_DAG_RANGE = re.compile(
    rf"\b(?:{_DAG.replace('stam', 'stam1')}|{_KORT.replace('kort', 'kort1')}\.?){_TOT}"
    rf"(?:{_DAG.replace('stam', 'stam2')}|{_KORT.replace('kort', 'kort2')}\b\.?)",
    re.IGNORECASE,
)
_KORT_PUNT = re.compile(rf"\b{_KORT}\.", re.IGNORECASE)
_WEEKDAGEN = re.compile(r"\b(?:week|werk)dagen\b", re.IGNORECASE)
_WEEKEND = re.compile(r"\bweekend(?:en|s)?\b", re.IGNORECASE)

# An hour: 19, 19.30, 19:30, 19u, 19u30, 19 uur, 19h. Marked means it cannot be a plain number.
_UUR = (
    r"(?P<{n}h>2[0-3]|[01]?\d)(?!\d)"  # the hour, never the 2 of 20
    r"(?:(?P<{n}sep>[.:])(?P<{n}m>[0-5]\d)"  # 19.30, 19:30
    r"|\s*(?P<{n}u>uur|u|h)(?![a-z])\.?(?:\s*(?P<{n}m2>[0-5]\d)\b)?)?"  # 19u, 19 uur, 19u30
)
_EINDE = r"(?:\s*(?P<na>uur|u|h)(?![a-z])\.?)?"
_UUR_RANGE = re.compile(
    r"(?<![\d€.,])" + _UUR.format(n="a") + r"\s*(?:-|–|—|tot|à)\s*" + _UUR.format(n="b") + _EINDE,
    re.IGNORECASE,
)
_UUR_LOS = re.compile(r"(?<![\d€.,])" + _UUR.format(n="a"), re.IGNORECASE)
# "2 uur lang", "duurt 2 uur": a duration, not a clock time.
_DUUR_NA = re.compile(r"^\s*(?:lang|per|per\s+week|durend)\b", re.IGNORECASE)
_DUUR_VOOR = re.compile(r"(?:duurt|ongeveer|telkens|max(?:imaal)?)\s*$", re.IGNORECASE)
_BEDRAG_VOOR = re.compile(r"(?:€|eur|euro)\s*(?:[\d.,]+\s*[-–—]\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Planning:
    """What a schedule text says: weekdays (0 = Monday) and hours (start, end or None)."""

    dagen: frozenset = frozenset()
    uren: tuple = ()

    @property
    def leeg(self):
        return not self.dagen and not self.uren


@dataclass(frozen=True)
class Slot:
    """One weekday and time of the dated activities (start/einde None: the whole day)."""

    dag: int
    start: datetime.time | None
    einde: datetime.time | None


@dataclass
class Oordeel:
    """The comparison: `tegenspraak` (the text names days or hours the dates do not have: the page
    then leaves the text out) and `aanvulling` (the dates have days the text does not name)."""

    tegenspraak: list = field(default_factory=list)
    aanvulling: list = field(default_factory=list)

    @property
    def zinnen(self):
        return [*self.tegenspraak, *self.aanvulling]


def _dag_index(match, stam, kort):
    if match.group(stam):
        return _STAMMEN.index(match.group(stam).lower())
    return _AFKORTINGEN.index(match.group(kort).lower())


def _tijd(match, n):
    uur = int(match.group(f"{n}h"))
    minuut = match.group(f"{n}m") or match.group(f"{n}m2") or "0"
    return datetime.time(uur, int(minuut))


def _gemarkeerd(match, n):
    return bool(match.group(f"{n}sep") or match.group(f"{n}u"))


def lees_planning(tekst: str) -> Planning:
    """The weekdays and hours a Dutch schedule text names (see the module docstring)."""
    tekst = (tekst or "")[:2000]  # the field holds 255; a bound whatever calls this
    dagen = set()
    rest = tekst
    for m in _DAG_RANGE.finditer(tekst):
        van = _dag_index(m, "stam1", "kort1")
        tot = _dag_index(m, "stam2", "kort2")
        dagen.update((van + i) % 7 for i in range((tot - van) % 7 + 1))
        rest = rest.replace(m.group(0), " ", 1)
    dagen.update(_STAMMEN.index(m.group("stam").lower()) for m in _DAG_WOORD.finditer(rest))
    dagen.update(_AFKORTINGEN.index(m.group("kort").lower()) for m in _KORT_PUNT.finditer(rest))
    if _WEEKDAGEN.search(rest):
        dagen.update(range(5))
    if _WEEKEND.search(rest):
        dagen.update((5, 6))

    uren = []
    rest = tekst
    for m in _UUR_RANGE.finditer(tekst):
        if _BEDRAG_VOOR.search(tekst[: m.start()]):
            continue
        if not (_gemarkeerd(m, "a") or _gemarkeerd(m, "b") or m.group("na")):
            continue  # "1 tot 3": numbers, not hours
        uren.append((_tijd(m, "a"), _tijd(m, "b")))
        rest = rest.replace(m.group(0), " " * len(m.group(0)), 1)
    for m in _UUR_LOS.finditer(rest):
        if not _gemarkeerd(m, "a"):
            continue
        voor = rest[: m.start()]
        if _DUUR_NA.match(rest[m.end() :]) or _DUUR_VOOR.search(voor) or _BEDRAG_VOOR.search(voor):
            continue
        uren.append((_tijd(m, "a"), None))
    return Planning(frozenset(dagen), tuple(dict.fromkeys(uren)))


def _uur(t):
    return f"{t:%H.%M}"


def _dagen_tekst(dagen):
    namen = [DAGNAMEN[d] for d in sorted(dagen)]
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"


def _uren_tekst(slots):
    delen = []
    for s in slots:
        if s.start is None:
            deel = "de hele dag"
        elif s.einde is None:
            deel = f"om {_uur(s.start)} uur"
        else:
            deel = f"van {_uur(s.start)} tot {_uur(s.einde)} uur"
        if deel not in delen:
            delen.append(deel)
    return " of ".join(delen)


def vergelijk(planning: Planning, slots) -> Oordeel:
    """Compare what the text names with the slots of the dated activities (none: nothing to say).

    A named hour range must be some slot's start and end; a single hour some slot's start or end.
    """
    slots = list(slots)
    oordeel = Oordeel()
    if not slots or planning.leeg:
        return oordeel
    slot_dagen = {s.dag for s in slots}
    if planning.dagen:
        vreemd = planning.dagen - slot_dagen
        if vreemd:
            oordeel.tegenspraak.append(
                f"De tekst bij 'wanneer' noemt {_dagen_tekst(vreemd)}, maar de data in de "
                f"kalender vallen op {_dagen_tekst(slot_dagen)}."
            )
        ontbrekend = slot_dagen - planning.dagen
        if ontbrekend and not vreemd:
            oordeel.aanvulling.append(
                f"De data in de kalender vallen ook op {_dagen_tekst(ontbrekend)}; "
                "dat staat niet in de tekst bij 'wanneer'."
            )
    tijden = {(s.start, s.einde) for s in slots}
    randen = {t for s in slots for t in (s.start, s.einde) if t is not None}
    vreemde_uren = []
    for start, einde in planning.uren:
        if einde is None:
            if start not in randen:
                vreemde_uren.append(f"{_uur(start)} uur")
        elif (start, einde) not in tijden:
            vreemde_uren.append(f"{_uur(start)} tot {_uur(einde)} uur")
    if vreemde_uren:
        oordeel.tegenspraak.append(
            f"De tekst bij 'wanneer' noemt {' en '.join(vreemde_uren)}, maar de data in de "
            f"kalender zijn {_uren_tekst(slots)}."
        )
    return oordeel


def controleer(tekst, slots) -> Oordeel:
    return vergelijk(lees_planning(tekst), slots)
