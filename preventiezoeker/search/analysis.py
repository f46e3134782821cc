"""The Whoosh backend's analysis: the text module's words and stems, weighted per text part.

How a word matches (folding, stop words, stemming) is defined once in text.py; this module only
turns a document's text parts into what the Whoosh index stores. The Whoosh analyser chains
below define the same analysis with Whoosh's own filters; tests/search/test_analysis.py checks
both give the same tokens.
"""

import threading
from collections import defaultdict

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.support.charset import accent_map

from .text import TOKEN_PATTERN, exact_tokens, stems

SEGMENT_SEPARATOR = "\x1e"
# BM25 constants. The per-document part of the score is computed while indexing (an "impact"),
# so ranking at query time is one multiply-add per posting.
K1, B, AVERAGE_LENGTH = 1.2, 0.75, 80.0


def stemming_analyzer():
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(lang="nl")
        | StemFilter(lang="nl", cachesize=100_000)
    )


def exact_analyzer():
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


STEM = stemming_analyzer()
EXACT = exact_analyzer()


def join_segments(parts):
    return SEGMENT_SEPARATOR.join(str(p or "") for p in parts)


def bm25_impact(weighted_tf, length):
    """The document side of BM25: saturating in the (boosted) term frequency, normalised by
    length. Multiplied by the term's idf at query time."""
    norm = K1 * (1 - B + B * length / AVERAGE_LENGTH)
    return weighted_tf * (K1 + 1) / (weighted_tf + norm)


PHRASE_BREAK = "|"  # between parts in the stem sequence: a phrase never spans two parts
_last = threading.local()


def analyse(value, boosts):
    """`join_segments(...)` and each part's weight -> ({stem: BM25 impact}, stem sequence for
    phrase checks, distinct unstemmed words).

    The last result is kept: the index field and the stored phrase sequence analyse the same
    value one after the other while indexing.
    """
    memo = getattr(_last, "memo", None)
    if memo is not None and memo[0] == value and memo[1] == boosts:
        return memo[2]
    tf, sequence, length, words = defaultdict(float), [], 0, set()
    for boost, part in zip(boosts, str(value).split(SEGMENT_SEPARATOR), strict=False):
        exact = exact_tokens(part)
        words.update(exact)
        part_stems = stems(exact)
        for stem in part_stems:
            tf[stem] += boost
        length += len(part_stems)
        if part_stems:
            sequence.append(" ".join(part_stems))
    impacts = {stem: bm25_impact(w, length) for stem, w in tf.items()}
    result = (impacts, f" {PHRASE_BREAK} ".join(sequence), words)
    _last.memo = (value, boosts, result)
    return result


class WeightedTextAnalyzer(Analyzer):
    """Analyses `join_segments(...)` into one token per distinct stem whose weight is the stem's
    BM25 impact in the document (boosted by the part it occurs in): ranking at query time is
    then one multiply-add per posting. The boosts come from the source's text parts."""

    def __init__(self, boosts=()):
        self.boosts = tuple(boosts)

    def __call__(self, value, positions=False, chars=False, boosts=False, start_pos=0,
                 mode="", **kwargs):  # fmt: skip
        impacts = analyse(value, self.__dict__.get("boosts", ()))[0]
        token = Token(positions=positions, chars=chars, boosts=boosts, mode=mode, **kwargs)
        for position, (text, impact) in enumerate(impacts.items(), start_pos):
            token.text, token.pos, token.boost, token.stopped = text, position, impact, False
            yield token
