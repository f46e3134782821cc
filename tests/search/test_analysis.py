"""The fast analysis (the text module's plain list operations) must give exactly the tokens of
Whoosh's own analyser chains, which define the Dutch analysis of existing indexes."""

import json
import re
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from preventiezoeker.search import analysis
from preventiezoeker.search.text import contains_phrase, exact_tokens, stem_tokens

DEMO = Path(__file__).resolve().parents[2] / "aanbod" / "data" / "demo.json"
SAMPLE = (
    "Diëtist dietist FIETSEN fiets ideeën café de het een Gezondheid eenzaamheid l'eau "
    "rook-stop ik a 2026 İstanbul Straße naïef coördinator 't ’s-Gravenbrakel"
)
BOOSTS = (3.0, 2.0, 1.5, 1.0, 1.0)
WORDS = st.sampled_from(SAMPLE.split(" "))
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=30).map(" ".join)


def chain(analyzer, text):
    return [t.text for t in analyzer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_fast_analysis_equals_the_whoosh_chains(text):
    # Where Whoosh's stemmer leaves Snowball (see test_text.py) the text module follows Snowball.
    assume(not re.search(r"[aeiouyè]iy", " ".join(exact_tokens(text))))
    assert exact_tokens(text) == chain(analysis.EXACT, text)
    assert stem_tokens(text) == chain(analysis.STEM, text)


def test_fast_analysis_equals_the_whoosh_chains_on_the_demo_offers():
    data = json.loads(DEMO.read_text())
    texts = [
        " ".join(str(offer.get(key, "")) for key in ("titel", "in_het_kort", "beschrijving"))
        for organisatie in data["organisaties"]
        for offer in organisatie["aanbod"]
    ]
    assert len(texts) >= 100
    for text in texts:
        assert stem_tokens(text) == chain(analysis.STEM, text)


def test_phrase_sequence_keeps_parts_apart():
    value = analysis.join_segments(["Gezonde voeding", "voor het hele gezin", "", "", ""])
    _impacts, sequence, _words = analysis.analyse(value, BOOSTS)
    assert contains_phrase(sequence, stem_tokens("gezonde voeding"))
    # "voeding hele" spans the title and the summary: not a phrase of this offer.
    assert not contains_phrase(sequence, stem_tokens("voeding hele"))
    assert stem_tokens("voeding hele") == sequence.replace(" | ", " ").split()[1:3]


def test_title_words_weigh_more_than_body_words():
    impacts, _sequence, _words = analysis.analyse(
        analysis.join_segments(["Rookstop", "", "", "", "tabak en nog veel meer tekst"]), BOOSTS
    )
    assert impacts["rookstop"] > impacts["tabak"]
