"""The fast analysis (plain list operations) must give exactly the tokens of Whoosh's own
analyser chains, which define the Dutch analysis."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from preventiezoeker.search import analysis

DEMO = Path(__file__).resolve().parents[2] / "aanbod" / "data" / "demo.json"
SAMPLE = (
    "Diëtist dietist FIETSEN fiets ideeën café de het een Gezondheid eenzaamheid l'eau "
    "rook-stop ik a 2026 İstanbul Straße naïef coördinator 't ’s-Gravenbrakel"
)
WORDS = st.sampled_from(SAMPLE.split(" "))
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=30).map(" ".join)


def chain(analyzer, text):
    return [t.text for t in analyzer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_fast_analysis_equals_the_whoosh_chains(text):
    assert analysis.exact_tokens(text) == chain(analysis.EXACT, text)
    assert analysis.stem_tokens(text) == chain(analysis.STEM, text)


def test_fast_analysis_equals_the_whoosh_chains_on_the_demo_offers():
    data = json.loads(DEMO.read_text())
    texts = [
        " ".join(str(offer.get(key, "")) for key in ("titel", "in_het_kort", "beschrijving"))
        for organisatie in data["organisaties"]
        for offer in organisatie["aanbod"]
    ]
    assert len(texts) >= 100
    for text in texts:
        assert analysis.stem_tokens(text) == chain(analysis.STEM, text)


def test_phrase_sequence_keeps_parts_apart():
    value = analysis.join_segments(["Gezonde voeding", "voor het hele gezin", "", "", ""])
    _impacts, sequence, _words = analysis.analyse(value)
    assert analysis.contains_phrase(sequence, analysis.stem_tokens("gezonde voeding"))
    # "voeding hele" spans the title and the summary: not a phrase of this offer.
    assert not analysis.contains_phrase(sequence, analysis.stem_tokens("voeding hele"))
    assert analysis.stem_tokens("voeding hele") == sequence.replace(" | ", " ").split()[1:3]


def test_title_words_weigh_more_than_body_words():
    impacts, _sequence, _words = analysis.analyse(
        analysis.join_segments(["Rookstop", "", "", "", "tabak en nog veel meer tekst"])
    )
    assert impacts["rookstop"] > impacts["tabak"]
