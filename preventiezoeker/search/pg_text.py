"""Text matching for the PostgreSQL engine: what a query's words must match, and how much each
matching term weighs, planned in Python with the same analysis as the embedded engine
(text.py: folding, stop words, Snowball stems), then run as one SQL statement.

Python analyses both sides on purpose: PostgreSQL's own Dutch stemmer stems differently, and the
app marks matched words with text.word_forms(), so both engines must agree on every term.

A query is an AND of groups (a word, or a run of words with synonyms); a group is an OR of
alternatives (the words as typed, or one synonym expansion); an alternative is an AND of words;
a word is an OR of terms (its stem, its unstemmed form, prefix or typo expansions). Each word
gets one bit: a term carries the bits of the words it stands for, a document collects the bits
of the terms it holds, and a group holds when one alternative's bits are all set.
"""

from dataclasses import dataclass, field

from .query import parse
from .text import stem_tokens, synonym_groups, word_forms

MAX_EXPANSIONS = 30  # prefix and typo expansions per word (as the embedded engine)
EXPANSION_WEIGHT = 0.6
SYNONYM_WEIGHT = 0.8
MAX_BITS = 62  # slots in a bigint; expansions past it are dropped


@dataclass
class Plan:
    terms: list = field(default_factory=list)  # (term, weight, bits)
    groups: list = field(default_factory=list)  # [[alternative bits, ...], ...]
    phrases: list = field(default_factory=list)  # " a b " stem runs a document must hold
    highlight: set = field(default_factory=set)
    suggestion: str | None = None
    bits_used: int = 0

    def slot(self):
        if self.bits_used >= MAX_BITS:
            return None
        self.bits_used += 1
        return 1 << (self.bits_used - 1)


@dataclass
class _Word:
    terms: list = field(default_factory=list)  # (term, weight)
    highlight: set = field(default_factory=set)
    stopword: bool = False
    correction: str | None = None


class Planner:
    """`lexicon` answers the engine's word questions:
    frequencies(terms) -> {stem: documents}, prefixed(word, limit) -> words in A-Z order,
    near(word, maxdist, limit) -> words within maxdist edits sharing the first letter."""

    def __init__(self, lexicon, synonyms):
        self.lexicon = lexicon
        self.synonyms = synonyms

    def plan(self, parsed):
        _version, synonyms = self.synonyms()
        words = list(parsed.words)
        last = len(words) - 1
        forms = {w: word_forms(w) for w in words}
        known = self.lexicon.frequencies(
            {t for stem, exact in forms.values() for t in (stem, exact) if t}
        )
        infos = [
            self._word(w, parsed.prefix_last and i == last, known) for i, w in enumerate(words)
        ]
        plan, corrections = Plan(), {}
        for start, size, expansions in synonym_groups(words, synonyms):
            own = [(words[i], infos[i]) for i in range(start, start + size) if infos[i] is not None]
            content = [info for _w, info in own if not info.stopword]
            alternatives = []
            for word, info in own:
                plan.highlight |= info.highlight
                if info.correction:
                    corrections[word] = info.correction
            if content:
                alternatives.append(self._alternative(plan, content, 1.0))
            for expansion in expansions:
                exp = [self._word(w, False, None) for w in parse(expansion).words]
                exp = [x for x in exp if x and not x.stopword]
                for x in exp:
                    plan.highlight |= x.highlight
                if exp and content:
                    alternatives.append(self._alternative(plan, exp, SYNONYM_WEIGHT))
            if content:  # stop words alone restrict nothing
                plan.groups.append([a for a in alternatives if a is not None])
        for phrase in parsed.phrases:
            stems = [s for s in stem_tokens(" ".join(phrase)) if s]
            plan.highlight |= set(stems) | set(phrase)
            if stems:
                bits = self._alternative(plan, [_Word(terms=[(s, 1.0)]) for s in stems], 1.0)
                plan.groups.append([bits] if bits is not None else [])
            if len(stems) > 1:
                plan.phrases.append(f" {' '.join(stems)} ")
        if corrections:
            plan.suggestion = " ".join(corrections.get(w, w) for w in words)
        return plan

    def _alternative(self, plan, infos, factor):
        """Give each word of one alternative its bit; None when out of bits."""
        bits = 0
        for info in infos:
            bit = plan.slot()
            if bit is None:
                return None
            bits |= bit
            for term, weight in info.terms:
                plan.terms.append((term, weight * factor, bit))
        return bits

    def _word(self, word, prefix, known):
        stem, exact = word_forms(word)
        if exact is None:
            return None
        info = _Word(stopword=stem is None)
        info.highlight.add(exact)
        if stem is None:
            return info
        info.terms = [(stem, 1.0)] + ([(exact, 1.0)] if exact != stem else [])
        info.highlight.add(stem)
        expansions = []
        if prefix and len(exact) >= 2:
            expansions = self.lexicon.prefixed(exact, MAX_EXPANSIONS)
        if known is not None:
            found = any(known.get(t) for t, _w in info.terms)
            if not found and not expansions and len(exact) >= 4:
                near = self.lexicon.near(exact, 1 if len(exact) < 8 else 2, MAX_EXPANSIONS)
                expansions = near
                info.correction = near[0] if near else None
        seen = {t for t, _w in info.terms}
        for expansion in expansions:
            info.highlight.add(expansion)
            expansion_stem = word_forms(expansion)[0]
            if expansion_stem and expansion_stem not in seen:
                seen.add(expansion_stem)
                info.terms.append((expansion_stem, EXPANSION_WEIGHT))
        return info
