"""The reader of Dutch schedule texts (kalender/planning_check.py): what it finds, what it leaves
alone, and when it calls a text a contradiction of the dated activities."""

import datetime

import pytest

from kalender.planning_check import Slot, controleer, lees_planning

T = datetime.time
MA, DI, WO, DO, VR, ZA, ZO = range(7)


@pytest.mark.parametrize(
    ("tekst", "dagen", "uren"),
    [
        # The Rookstopgroep of the demo, as the issue found it.
        ("Acht woensdagen vanaf 15 januari, 18.30–20 uur", {WO}, [(T(18, 30), T(20))]),
        ("Elke dinsdag van 14 tot 16 uur", {DI}, [(T(14), T(16))]),
        ("elke dinsdag 14–16 u.", {DI}, [(T(14), T(16))]),
        ("Dinsdag 19u", {DI}, [(T(19), None)]),
        ("donderdag 19u30 tot 21u", {DO}, [(T(19, 30), T(21))]),
        ("di. en do. 14u-16u", {DI, DO}, [(T(14), T(16))]),
        ("ma-vr 9:30-12", {MA, DI, WO, DO, VR}, [(T(9, 30), T(12))]),
        ("Maandag tot vrijdag van 9 tot 12 uur", {MA, DI, WO, DO, VR}, [(T(9), T(12))]),
        ("maandag t.e.m. woensdag", {MA, DI, WO}, []),
        (
            "Dinsdag tot vrijdag van 14 tot 20 uur, zaterdag van 12 tot 17 uur",
            {DI, WO, DO, VR, ZA},
            [(T(14), T(20)), (T(12), T(17))],
        ),
        ("Zes maandagavonden vanaf 6 januari, van 20 tot 21 uur", {MA}, [(T(20), T(21))]),
        ("Acht woensdagnamiddagen, van 14 tot 16 uur", {WO}, [(T(14), T(16))]),
        ("'s zaterdags om 9.30 uur", {ZA}, [(T(9, 30), None)]),
        ("Op fuiven, vooral op vrijdag- en zaterdagavond", {VR, ZA}, []),
        ("Op werkdagen en in het weekend", {MA, DI, WO, DO, VR, ZA, ZO}, []),
        (
            "Maandag tot donderdag van 16 tot 19 uur, woensdag ook vanaf 13 uur",
            {MA, DI, WO, DO},
            [(T(16), T(19)), (T(13), None)],
        ),  # fmt: skip
        # Numbers that are not hours, and words that are not days.
        ("Vier keer, 1 tot 3 deelnemers", set(), []),
        ("Woensdag 3 september van 9 tot 11 uur", {WO}, [(T(9), T(11))]),
        ("Het duurt 2 uur", set(), []),
        ("Je betaalt € 18.50 per keer", set(), []),
        ("zo snel mogelijk, doe gerust mee", set(), []),
        ("Tijdens de schooluren, op afspraak", set(), []),
        ("Vandaag nog, de feestdagen niet", set(), []),
        ("", set(), []),
    ],
)
def test_reads_weekdays_and_hours(tekst, dagen, uren):
    planning = lees_planning(tekst)
    assert planning.dagen == dagen
    assert list(planning.uren) == uren


DINSDAG_19_21 = [Slot(DI, T(19), T(21))]


@pytest.mark.parametrize(
    ("tekst", "slots", "tegenspraak", "aanvulling"),
    [
        ("Acht woensdagen vanaf 15 januari, 18.30–20 uur", DINSDAG_19_21, 2, 0),
        ("Acht dinsdagen, van 19 tot 21 uur", DINSDAG_19_21, 0, 0),
        ("Elke dinsdag om 19 uur", DINSDAG_19_21, 0, 0),  # the start
        ("Dinsdag, tot 21 uur", DINSDAG_19_21, 0, 0),  # the end
        ("Dinsdag van 18 tot 21 uur", DINSDAG_19_21, 1, 0),
        ("Op dinsdag", [*DINSDAG_19_21, Slot(DO, T(19), T(21))], 0, 1),  # incomplete, not wrong
        ("Kom gerust eens langs", DINSDAG_19_21, 0, 0),  # names nothing: nothing to contradict
        ("Elke woensdag", [], 0, 0),  # no dates: nothing to compare
        ("Dinsdag 19 uur", [Slot(DI, None, None)], 1, 0),  # the dates are whole days
    ],
)
def test_contradiction_or_not(tekst, slots, tegenspraak, aanvulling):
    oordeel = controleer(tekst, slots)
    assert len(oordeel.tegenspraak) == tegenspraak
    assert len(oordeel.aanvulling) == aanvulling


def test_the_warning_says_what_differs_in_plain_dutch():
    oordeel = controleer("Acht woensdagen vanaf 15 januari, 18.30–20 uur", DINSDAG_19_21)
    assert oordeel.zinnen == [
        "De tekst bij 'wanneer' noemt woensdag, maar de data in de kalender vallen op dinsdag.",
        "De tekst bij 'wanneer' noemt 18.30 tot 20.00 uur, maar de data in de kalender zijn "
        "van 19.00 tot 21.00 uur.",
    ]


def test_huge_or_odd_input_is_read_without_error():
    assert lees_planning("dinsdag " * 10_000).dagen == {DI}
    assert lees_planning("99.99 uur 25u 24:00 -- tot tot ma-").uren == ()
