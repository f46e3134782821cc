"""Dutch text in pieces: rich text to paragraphs, paragraphs to sentences, sentences to words,
words to syllables (pyphen's Dutch hyphenation patterns)."""

import re
from functools import cache, lru_cache

import pyphen
from bs4 import BeautifulSoup

# Abbreviations whose full stop does not end a sentence (lowercase, without the final stop).
# From the Taalunie's list of common Dutch abbreviations, plus the days and months used on
# schedules ("vanaf di. 3 feb. om 14 u.").
AFKORTINGEN = frozenset(
    """
    bv bijv b.v o.a o.m enz etc e.d e.a d.w.z m.a.w m.b.t m.b.v m.u.v i.p.v i.s.m i.v.m i.o.v
    t.a.v t.e.m t.o.v t.g.v t.b.v n.a.v a.u.b s.v.p z.o.z z.g.a.n p.a p.p resp evt ca incl excl
    vgl zgn nl blz nr tel gsm min max st bijv.nbr vzw v.z.w dr drs mr ir ing prof mevr dhr mw jr
    sr ma di wo do vr za jan feb mrt apr jun jul aug sep sept okt nov dec
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
BLOKKEN = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]
# A sentence ends at . ! ? (and closing quotes or brackets), before a space and a capital,
# digit, quote or bracket; or at the end of the paragraph.
EINDE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'’”)\]]))\s+(?=[\"'‘“(\[]?[A-ZÀ-Þ0-9])")
# A word: letters or digits, kept together over inner hyphens, apostrophes and stops
# ("buurt-sportwerker", "baby's", "18.30", "o.a").
WOORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
LETTERS = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def alinea_s(tekst, html=False):
    """Paragraphs (headings and list items count as their own) with whitespace tidied up."""
    if html:
        soup = BeautifulSoup(tekst or "", "html.parser")
        blokken = [blok.get_text("") for blok in soup.find_all(BLOKKEN)]
        if not blokken:
            blokken = [soup.get_text("")]
    else:
        blokken = re.split(r"\n\s*\n|\n(?=\s*[-*•])", tekst or "")
    return [schoon for blok in blokken if (schoon := " ".join(blok.split()))]


def _eindigt_op_afkorting(stuk):
    laatste = stuk.rsplit(" ", 1)[-1].lstrip("(\"'‘“").rstrip(".").lower()
    if laatste in AFKORTINGEN:
        return True
    # An initial ("J. Peeters") or a letter in an enumeration ("a. ...").
    return len(laatste) == 1 and laatste.isalpha()


def zinnen(alinea):
    """The sentences of one paragraph, not split after "bv.", "o.a.", "dr.", "18.30", initials."""
    stukken = EINDE.split(alinea)
    resultaat = []
    for stuk in stukken:
        if resultaat and _eindigt_op_afkorting(resultaat[-1]):
            resultaat[-1] = f"{resultaat[-1]} {stuk}"
        else:
            resultaat.append(stuk)
    return [zin.strip() for zin in resultaat if WOORD.search(zin)]


def woorden(zin):
    return WOORD.findall(zin)


def is_woord_van_letters(woord):
    return bool(LETTERS.match(woord))


@cache
def _pyphen():
    # left/right=1: every syllable counts, also a one-letter one at the edge ("a-pen").
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@lru_cache(maxsize=50_000)  # bounded: the endpoint reads whatever is typed
def lettergrepen(woord):
    """Syllables as Dutch hyphenation splits them (a close, well-kept stand-in for counting)."""
    if not is_woord_van_letters(woord):
        return 1
    woord = re.sub(r"['’](s|tje|je)$", r"\1", woord)  # "baby's": the s joins the last syllable
    return sum(len(_pyphen().positions(deel)) + 1 for deel in re.split(r"['’-]", woord) if deel)
