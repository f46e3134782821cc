"""Dutch analysis: fold case and accents before stop words and stemming, so diëtist = dietist.

Classic Snowball Dutch (Whoosh's "nl", same as PostgreSQL's dutch_stem). Because it leaves
fiets/fietsen apart, every text field also has an unstemmed copy; a query word matches either.
"""

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"[^\W_]+(?:['’-][^\W_]+)*"


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


def stem_tokens(text):
    return [t.text for t in STEM(text)]


def exact_tokens(text):
    return [t.text for t in EXACT(text)]


def word_forms(word):
    """The index terms one query word may match: its stem and its folded unstemmed form."""
    exact = exact_tokens(word)
    stems = stem_tokens(word)
    return (stems[0] if stems else None), (exact[0] if exact else None)
