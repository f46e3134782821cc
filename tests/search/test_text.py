"""The engine-free text module: same words as the index, and TextMatcher matches like /aanbod/."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preventiezoeker.search import text
from preventiezoeker.search.text import TextMatcher

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "aanbod" / "data" / "demo.json"


def test_importing_the_text_module_does_not_import_whoosh():
    code = "import sys, preventiezoeker.search.text; assert 'whoosh' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# -- the same analysis as Whoosh's (existing indexes stay valid) --------------------------------


def test_folding_equals_whooshs_accent_map_on_every_character():
    from whoosh.support.charset import accent_map

    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        assert text.fold(ch) == ch.lower().translate(accent_map), hex(cp)


def test_stop_words_equal_whooshs_dutch_list():
    from whoosh.analysis import StopFilter

    stops = StopFilter(lang="nl")
    assert stops.stops == text.STOP_WORDS and stops.min == text.MIN_WORD


def _demo_words():
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.update(text.exact_tokens(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(DEMO.read_text()))
    return words


def test_stems_equal_whooshs_on_every_demo_word():
    from whoosh.lang import stemmer_for_language

    whoosh_stem = stemmer_for_language("nl")
    words = _demo_words()
    assert len(words) > 1000
    assert {w: text.stem(w) for w in words} == {w: whoosh_stem(w) for w in words}


# Whoosh's "nl" stemmer (a port of NLTK's) differs from the Snowball reference, and so from
# PostgreSQL's dutch_stem, in one place: "i" before "y" after a vowel ("uiys": Snowball and
# PostgreSQL keep "uiys", Whoosh gives "uiy"). No Dutch word has that; the text module follows
# Snowball, which the coming PostgreSQL backend will use.
WHOOSH_DEVIATION = re.compile(r"[aeiouyè]iy")
DUTCHISH = st.text(alphabet="aeiouyijklmnprstdgvzwbfchè", min_size=1, max_size=14)


@settings(max_examples=3000, deadline=None)
@given(DUTCHISH)
def test_stems_equal_whooshs_on_generated_words(word):
    from whoosh.lang import stemmer_for_language

    if WHOOSH_DEVIATION.search(word):
        return
    assert text.stem(word) == stemmer_for_language("nl")(word)


def test_the_known_deviation_follows_snowball():
    assert text.stem("uiys") == "uiys"
    # Classic Snowball Dutch, not Snowball 3's (which turns all of these into "zon").
    assert [text.stem(w) for w in ("gezondheid", "gezonde", "zonnig", "eenzaamheid")] == [
        "gezond", "gezond", "zonnig", "eenzam",
    ]  # fmt: skip


# -- TextMatcher ------------------------------------------------------------------------------

SYNONYMS = {"tanden": ["mondzorg", "tandarts"], "stoppen met roken": ["rookstop"]}


@pytest.mark.parametrize(
    ("query", "value", "expected"),
    [
        ("dietist", "Spreekuur bij de diëtist", True),  # accents
        ("DIËTIST", "Spreekuur bij de dietist", True),
        ("beweging", "Samen bewegen in het park", True),  # stems
        ("fiets", "Leer fietsen in een groep", True),  # unstemmed form as a stem
        ("fietsen", "Een fiets voor elk kind", False),
        ("kook", "Kookles met weinig geld", True),  # the last word while typing
        ("kook ", "Kookles met weinig geld", False),  # ... not once typed
        ("kook park", "Kookles in het park", False),  # only the last word is a prefix
        ("park kook", "Kookles in het park", True),
        ("kook park", "Koken in het park", True),
        ("koo park ", "Koken in het park", False),
        ("zon", "Zonder afspraak", False),  # a stop word is no word to complete
        ("de het een ", "Om het even wat", True),  # stop words alone restrict nothing
        ("yoga de", "Yoga in de buurt", True),
        ("yoga zwemmen", "Yoga in de buurt", False),  # every word must match
        ('"gezonde voeding"', "Gezonde voeding voor het gezin", True),  # phrases
        ('"voeding gezonde"', "Gezonde voeding voor het gezin", False),
        ("tanden", "Mondzorg voor kinderen", True),  # synonyms
        ("stoppen met roken", "Rookstop met een tabakoloog", True),
        ("stoppen met roken", "Stoppen met roken, stap voor stap", True),
        ("", "wat dan ook", True),
    ],
)
def test_text_matcher(query, value, expected):
    assert TextMatcher(query, SYNONYMS).matches(value) is expected


def test_a_phrase_stays_within_one_part():
    matcher = TextMatcher('"tabakoloog stoppen"')
    assert not matcher.matches(["Rookstop met een tabakoloog", "Stoppen met roken"])
    assert matcher.matches("Rookstop met een tabakoloog stoppen")


def test_empty():
    assert TextMatcher("").empty and TextMatcher(' " * ').empty
    assert not TextMatcher("de").empty and not TextMatcher("fiets").empty


@pytest.mark.django_db
def test_from_settings_uses_the_registered_synonyms():
    from aanbod.models import Synoniem

    Synoniem.objects.create(term="Tanden", uitbreidingen="mondzorg")
    assert TextMatcher.from_settings("tanden").matches("Mondzorg voor kinderen")
