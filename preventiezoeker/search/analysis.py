"""Dutch analysis: fold case and accents before stop words and stemming, so diëtist = dietist.

Classic Snowball Dutch (Whoosh's "nl", same as PostgreSQL's dutch_stem). Because it leaves
fiets/fietsen apart, a query word matches its stem and its unstemmed form as a stem, and the
last word expands over the index's unstemmed word list while the user types.
"""

import functools
import re
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
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"[^\W_]+(?:['’-][^\W_]+)*"

# One indexed text field holds every part of an offer; each part's words weigh this much.
SEGMENTS = ("title", "summary", "labels", "organisatie_naam", "body")
SEGMENT_BOOSTS = (3.0, 2.0, 1.5, 1.0, 1.0)
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


# The same analysis as the chains above, as plain list operations: indexing spends most of
# its time here, and Whoosh's token generators cost ~5 µs per token per filter.
# tests/search/test_analysis.py checks both give the same tokens.
_TOKEN = re.compile(TOKEN_PATTERN)
_STOPS = next(f for f in STEM.items if isinstance(f, StopFilter))
_STOP_WORDS, _MIN_SIZE = _STOPS.stops, _STOPS.min
_stem = functools.lru_cache(maxsize=200_000)(stemmer_for_language("nl"))


def fold(word):
    word = word.lower()
    return word if word.isascii() else word.translate(accent_map)


def exact_tokens(text):
    if text.isascii():  # the common case: lower-casing first changes no token boundary
        return _TOKEN.findall(text.lower())
    return [fold(w) for w in _TOKEN.findall(text)]


def stem_tokens(text):
    return _stems(exact_tokens(text))


def _stems(words):
    return [_stem(w) for w in words if len(w) >= _MIN_SIZE and w not in _STOP_WORDS]


@functools.lru_cache(maxsize=50_000)
def word_forms(word):
    """The index terms one query word may match: its stem and its folded unstemmed form."""
    exact = exact_tokens(word)
    stems = stem_tokens(word)
    return (stems[0] if stems else None), (exact[0] if exact else None)


def join_segments(parts):
    return SEGMENT_SEPARATOR.join(str(p or "") for p in parts)


def bm25_impact(weighted_tf, length):
    """The document side of BM25: saturating in the (boosted) term frequency, normalised by
    length. Multiplied by the term's idf at query time."""
    norm = K1 * (1 - B + B * length / AVERAGE_LENGTH)
    return weighted_tf * (K1 + 1) / (weighted_tf + norm)


PHRASE_BREAK = "|"  # between parts in the stem sequence: a phrase never spans two parts
_last = threading.local()


def analyse(value):
    """`join_segments(...)` -> ({stem: BM25 impact}, stem sequence for phrase checks,
    distinct unstemmed words).

    The last result is kept: the index field and the stored phrase sequence analyse the same
    value one after the other while indexing.
    """
    memo = getattr(_last, "memo", None)
    if memo is not None and memo[0] == value:
        return memo[1]
    tf, sequence, length, words = defaultdict(float), [], 0, set()
    for boost, part in zip(SEGMENT_BOOSTS, str(value).split(SEGMENT_SEPARATOR), strict=False):
        exact = exact_tokens(part)
        words.update(exact)
        stems = _stems(exact)
        for stem in stems:
            tf[stem] += boost
        length += len(stems)
        if stems:
            sequence.append(" ".join(stems))
    impacts = {stem: bm25_impact(w, length) for stem, w in tf.items()}
    result = (impacts, f" {PHRASE_BREAK} ".join(sequence), words)
    _last.memo = (value, result)
    return result


def contains_phrase(sequence, stems):
    return f" {' '.join(stems)} " in f" {sequence} "


class WeightedTextAnalyzer(Analyzer):
    """Analyses `join_segments(...)` into one token per distinct stem whose weight is the stem's
    BM25 impact in the document (boosted by the part it occurs in): ranking at query time is
    then one multiply-add per posting."""

    def __call__(self, value, positions=False, chars=False, boosts=False, start_pos=0,
                 mode="", **kwargs):  # fmt: skip
        impacts = analyse(value)[0]
        token = Token(positions=positions, chars=chars, boosts=boosts, mode=mode, **kwargs)
        for position, (text, impact) in enumerate(impacts.items(), start_pos):
            token.text, token.pos, token.boost, token.stopped = text, position, impact, False
            yield token
