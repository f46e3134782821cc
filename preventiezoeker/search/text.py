"""Dutch text analysis without a search engine: folding, words, stop words, stemming, synonyms.

The one definition of how a word matches on this site. The Whoosh backend indexes with these
functions, the offer app uses them to mark matched words, and the calendar filters activities
with `TextMatcher`, so a word finds the same things on /aanbod/ and /kalender/. Importing this
module never imports an engine (tests/search/test_text.py checks).

Stemming is the classic Snowball Dutch algorithm (`snowballstemmer`'s "dutch_porter", the
algorithm of PostgreSQL's dutch_stem and of Whoosh's "nl"); Snowball 3's "dutch" conflates
gezond, gezondheid and zon, so it is not used.
"""

import functools
import re
import threading
from collections.abc import Iterable

import snowballstemmer

from .query import parse

TOKEN_PATTERN = r"[^\W_]+(?:['’-][^\W_]+)*"
_TOKEN = re.compile(TOKEN_PATTERN)

# Folding after lower-casing: the table of Whoosh's accent_map (a Sphinx charset table),
# quirks included, so an index built before this module existed needs no rebuild.
_FOLDS = {
    "a": "àáâãäåāăąǎǟǡǣǻǽȁȃȧḁẚạảấầẩẫậắằẳẵặⱥａ",
    "b": "ƀƃɓᵬḃḅḇｂ",
    "c": "çćĉċčƈȼɕḉｃ",
    "d": "ðďđƌȡɖɗᵭḋḍḏḑḓｄ",
    "e": "èéêëēĕėęěǝȅȇȩɇɚɝḕḗḙḛḝẹẻẽếềểễệｅ",
    "f": "ƒᵮḟｆ",
    "g": "ĝğġģǥǧǵɠḡｇ",
    "h": "ĥħȟ\u0331ḣḥḧḩḫẖⱨｈ",
    "i": "ìíîïĩīĭįıǐȉȋɨḭḯỉịｉ",
    "j": "ĵǰȷɉɟʄʝ\u030cｊ",
    "k": "ķƙǩḱḳḵⱪｋ",
    "l": "ĺļľŀłƚȴɫɬɭ\u0323ḷḹḻḽⱡｌ",
    "m": "ɱḿṁṃｍ",
    "n": "ñńņňƞǹȵɲɳṅṇṉṋｎ",
    "o": "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱɵṍṏṑṓọỏốồổỗộớờởỡợｏ",
    "p": "ƥ\u0303ṕṗｐ",
    "q": "ɋʠｑ",
    "r": "ŕŗřȑȓɍɼɽɾᵲᵳṙṛṝṟｒ",
    "s": "ßśŝşšșʂ\u0329ṡṣṥṧṩẛｓ",
    "t": "þţťŧƫƭțȶʈ\u0308ᵵṫṭṯṱẗⱦｔ",
    "u": "ùúûüũūŭůűųưǔǖǘǚǜȕȗʉṳṵṷṹṻụủứừửữựｕ",
    "v": "ʋṽṿｖ",
    "w": "ŵẁẃẅẇẉẘｗ",
    "x": "ẋẍｘ",
    "y": "ýÿŷƴȳɏʏ\u030aẏẙỳỵỷỹｙ",
    "z": "źżžƶƺǯȥʐʑẑẓẕⱬｚ",
}
_FULLWIDTH_DIGITS = "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"
_FOLD = str.maketrans(
    "".join(_FOLDS.values()) + _FULLWIDTH_DIGITS,
    "".join(letter * len(chars) for letter, chars in _FOLDS.items()) + "0123456789",
)

# Snowball's Dutch stop list plus Whoosh's short English one (StopFilter(lang="nl") uses
# both); words shorter than MIN_WORD characters are dropped with them.
_STOP_LIST = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
    nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel
    voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder
    zou
    a an and are as at be by can for from have if it may not on or tbd that the this to us we
    when will with yet you your
"""
STOP_WORDS = frozenset(_STOP_LIST.split())
MIN_WORD = 2
STEM_CACHE = 200_000

_stemmers = threading.local()  # a Snowball stemmer object keeps state while it works


def _snowball(word):
    stemmer = getattr(_stemmers, "dutch", None)
    if stemmer is None:
        stemmer = _stemmers.dutch = snowballstemmer.stemmer("dutch_porter")
    return stemmer.stemWord(word)


stem = functools.lru_cache(maxsize=STEM_CACHE)(_snowball)


def fold(word):
    """Lower case without accents: diëtist = dietist."""
    word = word.lower()
    return word if word.isascii() else word.translate(_FOLD)


def exact_tokens(text):
    """The folded words of `text`, unstemmed, in order."""
    if text.isascii():  # the common case: lower-casing first changes no token boundary
        return _TOKEN.findall(text.lower())
    return [fold(w) for w in _TOKEN.findall(text)]


def stems(words):
    """Stems of already folded words, stop words and one-letter words left out."""
    return [stem(w) for w in words if len(w) >= MIN_WORD and w not in STOP_WORDS]


def stem_tokens(text):
    return stems(exact_tokens(text))


@functools.lru_cache(maxsize=50_000)
def word_forms(word):
    """(stem or None for a stop word, folded unstemmed form or None): the terms one query
    word may match. The unstemmed form counts as a stem too, because the stemmer leaves
    fiets (fiet) and fietsen (fiets) apart."""
    exact = exact_tokens(word)
    stemmed = stem_tokens(word)
    return (stemmed[0] if stemmed else None), (exact[0] if exact else None)


def synonym_groups(words, synonyms):
    """(start, size, expansions) over query words: a run of up to three words that is a lay
    term may also match its expansions ("stoppen met roken" → rookstop)."""
    folded = [(exact_tokens(w) or [w])[0] for w in words]
    groups, i = [], 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(folded[i : i + size])
            if len(folded[i : i + size]) == size and phrase in synonyms:
                groups.append((i, size, tuple(synonyms[phrase])))
                i += size
                break
        else:
            groups.append((i, 1, ()))
            i += 1
    return groups


def contains_phrase(sequence, phrase_stems):
    """Whether the stems occur one after the other in a space-separated stem sequence."""
    return f" {' '.join(phrase_stems)} " in f" {sequence} "


class TextMatcher:
    """Does a text match what a person typed, the way the offer search matches it?

    Every word must match (its stem, or its unstemmed form as a stem); the last word while
    typing also as the start of a word of the text; stop words restrict nothing; a quoted
    phrase must occur as consecutive stems within one part; a word or run of words with
    synonyms also matches when all words of one expansion do. Typo correction is the engine's
    (it needs every indexed word), so it is not done here.
    """

    def __init__(self, query: str, synonyms: dict | None = None):
        self.parsed = parse(query)
        words = list(self.parsed.words)
        last = len(words) - 1
        self._groups = []
        for start, size, expansions in synonym_groups(words, synonyms or {}):
            own = [
                _QueryWord(words[i], self.parsed.prefix_last and i == last)
                for i in range(start, start + size)
            ]
            own = [w for w in own if w.exact is not None]
            alternatives = []
            for expansion in expansions:
                exp = [_QueryWord(w, False) for w in parse(expansion).words]
                exp = [w for w in exp if w.exact is not None and w.stem is not None]
                if exp:
                    alternatives.append(exp)
            self._groups.append((own, alternatives))
        self._phrases = [stem_tokens(" ".join(phrase)) for phrase in self.parsed.phrases]

    @classmethod
    def from_settings(cls, query: str):
        """With the synonym table of the registered provider (Lijsten → Synoniemen)."""
        from .sources import synonyms

        return cls(query, synonyms()[1])

    @property
    def empty(self):
        """Nothing typed that could restrict a result."""
        return not self.parsed

    def matches(self, text: str | Iterable[str]) -> bool:
        """`text` is one string or its parts (a phrase never spans two parts)."""
        if self.empty:
            return True
        parts = [text] if isinstance(text, str) else [str(p or "") for p in text]
        words = set()
        sequences = []
        for part in parts:
            exact = exact_tokens(part)
            words.update(exact)
            sequences.append(" ".join(stems(exact)))
        text_stems = {s for seq in sequences for s in seq.split()}
        for own, alternatives in self._groups:
            content = [w for w in own if w.stem is not None]
            if all(w.matches(text_stems, words) for w in content):
                continue
            if any(all(w.matches(text_stems, words) for w in alt) for alt in alternatives):
                continue
            return False
        for phrase in self._phrases:
            if not all(s in text_stems for s in phrase):
                return False
            if len(phrase) >= 2 and not any(contains_phrase(seq, phrase) for seq in sequences):
                return False
        return True


class _QueryWord:
    __slots__ = ("exact", "prefix", "stem")

    def __init__(self, word, prefix):
        self.stem, self.exact = word_forms(word)
        self.prefix = prefix and self.exact is not None and len(self.exact) >= 2

    def matches(self, text_stems, words):
        if self.stem in text_stems or self.exact in text_stems:
            return True
        # While typing, the last word also stands for every word that starts with it.
        return self.prefix and any(
            w.startswith(self.exact) and len(w) >= MIN_WORD and w not in STOP_WORDS for w in words
        )
