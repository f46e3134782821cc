"""The Dutch reading itself, on known plain and bureaucratic texts (no database)."""

import importlib

import pytest

from schrijfhulp.leesbaarheid import MAX_WOORDEN_PER_ZIN, flesch_douma, lees
from schrijfhulp.tekst import alinea_s, lettergrepen, zinnen
from schrijfhulp.woorden import Ambtelijk, is_gewoon, is_moeilijk, vormen

SEED = importlib.import_module("schrijfhulp.migrations.0002_ambtelijke_woorden_laden").WOORDEN
LIJST = [Ambtelijk(woord, zeg_liever) for woord, zeg_liever in SEED.items()]

BUREAUCRATISCH = (
    "Teneinde de fysieke en psychosociale gezondheid van buurtbewoners te bevorderen, "
    "organiseren wij laagdrempelige wandelactiviteiten"
)
EENVOUDIG = "Wandel mee met de buurt. We wandelen elke dinsdag een uur. Je hoeft niets te betalen."


def lees_een(tekst, html=False, lijst=LIJST):
    return lees([("in_het_kort", "In het kort", tekst, html)], lijst)


def hints(lezing):
    return [hint for zin in lezing.zinnen for hint in zin.hints]


def test_the_sentence_from_the_issue_is_not_b1_and_names_its_hard_words():
    lezing = lees_een(BUREAUCRATISCH)
    assert lezing.oordeel == "Nog niet B1"
    assert lezing.is_b1 is False
    assert "3 ambtelijke woorden" in lezing.uitleg
    alle = hints(lezing)
    assert "‘Teneinde’ → zeg liever ‘om’." in alle
    assert "‘psychosociale’ is een moeilijk woord: leg het uit of kies een ander woord." in alle
    assert any(hint.startswith("‘laagdrempelige’ → zeg liever") for hint in alle)
    assert "‘wandelactiviteiten’ is een lang woord. Kan het korter of eenvoudiger?" in alle
    assert lezing.flesch_douma < 0  # Douma: long words weigh heavily


def test_a_plain_text_is_b1_without_hints():
    lezing = lees_een(EENVOUDIG)
    assert lezing.oordeel == "Duidelijke taal (B1)"
    assert lezing.woorden == 16
    assert len(lezing.zinnen) == 3
    assert hints(lezing) == []
    assert lezing.flesch_douma > 80
    assert "gemiddeld 5,3 woorden" in lezing.uitleg


def test_a_long_sentence_gets_a_hint_with_its_length():
    zin = (
        "Wij nodigen alle bewoners van de wijk die graag samen met anderen willen wandelen "
        "van harte uit om elke dinsdag om tien uur naar het buurthuis te komen."
    )
    lezing = lees_een(zin)
    assert lezing.zinnen[0].aantal_woorden == 28 > MAX_WOORDEN_PER_ZIN
    assert "Deze zin telt 28 woorden. Maak er twee zinnen van." in hints(lezing)
    assert lezing.oordeel == "Nog niet B1"
    assert "1 zin is langer dan 20 woorden." in lezing.redenen


def test_without_the_list_officialese_is_not_flagged_but_the_word_list_still_reads():
    lezing = lees_een("Teneinde te bewegen, wandelen we.", lijst=[])
    assert not any("Teneinde" in hint for hint in hints(lezing))
    assert lezing.ambtelijke_woorden == 0


def test_an_alternative_is_offered_only_when_the_list_has_one():
    lijst = [Ambtelijk("middels", "met"), Ambtelijk("holistisch")]
    alle = hints(lees_een("We werken middels een holistische aanpak.", lijst=lijst))
    assert "‘middels’ → zeg liever ‘met’." in alle
    assert "‘holistische’ is een moeilijk woord: leg het uit of kies een ander woord." in alle


def test_phrases_are_found_as_a_whole():
    alle = hints(lees_een("Dit is ten behoeve van de buurt.", lijst=LIJST))
    assert "‘ten behoeve van’ → zeg liever ‘voor’." in alle


@pytest.mark.parametrize(
    ("woord", "vorm"),
    [
        ("psychosociaal", "psychosociale"),
        ("laagdrempelig", "laagdrempelige"),
        ("trachten", "tracht"),
        ("trachten", "trachtte"),
        ("trachten", "getracht"),
        ("woonachtig", "woonachtige"),
        ("integratief", "integratieve"),
    ],
)
def test_officialese_is_found_in_its_inflected_forms(woord, vorm):
    assert vorm in vormen(woord)


def test_a_word_is_not_mistaken_for_a_listed_one_it_only_resembles():
    # "middels" is officialese; "middel" (a remedy) is not.
    assert "middel" not in vormen("middels")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "Kom o.a. naar de les. Start om 18.30 u. in het buurthuis.",
            ["Kom o.a. naar de les.", "Start om 18.30 u. in het buurthuis."],
        ),
        (
            "Dr. Peeters geeft uitleg, bv. over voeding. Vragen? Bel ons!",
            ["Dr. Peeters geeft uitleg, bv. over voeding.", "Vragen?", "Bel ons!"],
        ),
        ("Fruit, groenten enz. Daarna koffie.", ["Fruit, groenten enz. Daarna koffie."]),
        ("Met J. Peeters. Ook voor kinderen.", ["Met J. Peeters.", "Ook voor kinderen."]),
        ("Het kost € 5. Met UiTPAS 1 euro.", ["Het kost € 5.", "Met UiTPAS 1 euro."]),
        ("“Ik stopte.” Nu rook ik niet meer.", ["“Ik stopte.”", "Nu rook ik niet meer."]),
    ],
)
def test_sentences_split_sensibly_around_dutch_abbreviations(tekst, verwacht):
    assert zinnen(tekst) == verwacht


def test_rich_text_paragraphs_and_list_items_are_sentences_of_their_own():
    html = "<p>Een <b>vette</b> zin. Nog een.</p><ul><li>koffie</li><li>thee</li></ul><h2>Kop</h2>"
    assert alinea_s(html, html=True) == ["Een vette zin. Nog een.", "koffie", "thee", "Kop"]
    lezing = lees_een(html, html=True)
    assert [zin.tekst for zin in lezing.zinnen] == [
        "Een vette zin.",
        "Nog een.",
        "koffie",
        "thee",
        "Kop",
    ]


@pytest.mark.parametrize(
    ("woord", "aantal"),
    [("ook", 1), ("gezondheid", 3), ("bevorderen", 4), ("psychosociale", 6), ("wandelen", 3)],
)
def test_syllables_come_from_dutch_hyphenation(woord, aantal):
    assert lettergrepen(woord) == aantal


@pytest.mark.parametrize(
    "woord",
    ["buurtbewoners", "valpreventie", "rookstopgroep", "gezondheidscentrum", "poetst", "foto's"],
)
def test_compounds_and_inflections_of_common_words_are_not_rare(woord):
    assert is_gewoon(woord)


def test_rare_words_are_flagged_but_names_and_acronyms_are_not():
    assert is_moeilijk("mondhygiënist", begin_van_zin=False)
    assert not is_moeilijk("Rabot", begin_van_zin=False)  # a name inside a sentence
    assert not is_moeilijk("OCMW", begin_van_zin=True)
    assert not is_moeilijk("wandel", begin_van_zin=False)


def test_empty_texts_get_no_verdict():
    lezing = lees([("a", "A", "", False), ("b", "B", "<p></p>", True)], LIJST)
    assert lezing.leeg and lezing.is_b1 is None
    assert lezing.oordeel == "Nog geen tekst"


def test_flesch_douma_is_the_dutch_formula():
    # 206.84 - 0.93 * 10 - 77 * 1.5
    assert flesch_douma(20, 2, 30) == 82.0
    assert flesch_douma(0, 0, 0) is None


def test_huge_garbage_does_not_break_the_reading():
    lezing = lees_een("x" * 5000 + " ... !!! ??? " + "<script>" * 100)
    assert lezing.oordeel in {"Nog niet B1", "Duidelijke taal (B1)"}


def test_a_pasted_monster_word_is_not_taken_apart_but_flagged():
    # ~10,000 letters built from common words: splitting it into compounds would be quadratic.
    woord = "vanvoorbijgaande" * 600
    lezing = lees_een(f"Dit is {woord}.")
    assert lezing.zinnen[0].moeilijke_woorden == [woord]
    assert lezing.lange_woorden == 1
