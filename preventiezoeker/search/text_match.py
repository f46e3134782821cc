"""Text matching and ranking, the same for both engines.

Matching is bit operations on cached term document sets; ranking adds each term's precomputed
BM25 impacts (see analysis.WeightedTextAnalyzer) times its idf into one array per query, so a
new query costs a few array operations per term and a facet click after it costs nothing.

An engine hands in its `terms` (whoosh_backend.WhooshTerms, pg_terms.PostgresTerms):
  live_count                       documents, for idf
  postings(term)                   (slots, BM25 impacts) of a stem
  prefetch(terms)                  optional: read several postings at once
  prefixed(word, limit)            indexed unstemmed words starting with `word`, A-Z
  near(word, maxdist)              indexed words within maxdist edits, same first letter
  frequencies(stems)               {stem: documents holding it}
  phrase_slots(slots, stems, limit) (slots whose text holds the stems in order, timed out?)
  stale_words                      optional, True: prefixed/near may name words no document
                                   holds any more; only those a visible document holds are used
"""

import itertools
import math
from dataclasses import dataclass, field

import numpy as np

from .answer import TextMatch
from .bitsets import bits_to_ids, ids_to_bits, intersection, union
from .query import parse
from .text import stem_tokens, synonym_groups, word_forms

MAX_PHRASE_CANDIDATES = 20_000
MAX_EXPANSIONS = 30  # prefix and typo expansions per word
MAX_STALE_SCAN = 300  # prefixed words checked for a visible document (stale word lists)
EXPANSION_WEIGHT = 0.6  # a word the user may not have meant counts less than the word itself
SYNONYM_WEIGHT = 0.8


@dataclass
class _Word:
    bits: int = 0
    terms: list = field(default_factory=list)  # (stem, factor) scored in TEXT_FIELD
    highlight: set = field(default_factory=set)
    stopword: bool = False
    correction: str | None = None


class TextSearcher:
    def __init__(self, terms, cache, synonyms):
        self.terms, self.cache = terms, cache
        self.synonyms = synonyms
        self.live_count = max(1, terms.live_count)

    def match(self, parsed):
        version, synonyms = self.synonyms()
        key = (parsed, version)
        cached = self.cache.text_results.get(key)
        if cached is not None:
            return cached
        result = self._match(parsed, synonyms)
        self.cache.text_results.put(key, result)
        return result

    # -- terms -----------------------------------------------------------------------------
    def _postings(self, term):
        """(slots, impacts, bits) of one stem, cached for this index generation."""
        entry = self.cache.term_postings.get(term)
        if entry is None:
            ids, weights = self.terms.postings(term)
            entry = (ids, weights, ids_to_bits(ids, self.cache.n))
            self.cache.term_postings.put(term, entry)
        return entry

    def _prefetch(self, terms):
        missing = [t for t in dict.fromkeys(terms) if t and t not in self.cache.term_postings]
        if missing and hasattr(self.terms, "prefetch"):
            for term, (ids, weights) in self.terms.prefetch(missing).items():
                self.cache.term_postings.put(term, (ids, weights, ids_to_bits(ids, self.cache.n)))

    def _idf(self, ids):
        df = len(ids)
        return math.log(1 + (self.live_count - df + 0.5) / (df + 0.5))

    def _word(self, word, prefix):
        stem, exact = word_forms(word)
        if exact is None:
            return None
        info = _Word(stopword=stem is None)
        info.highlight.add(exact)
        if stem is None:  # a stop word restricts nothing ("de", "voor")
            info.bits = self.cache.visible
            return info
        # The unstemmed form is looked up as a stem too: "fiets" finds "fietsen" (stem fiets).
        info.terms = [(stem, 1.0)] + ([(exact, 1.0)] if exact != stem else [])
        info.highlight.add(stem)
        expansions = []
        if prefix and len(exact) >= 2:
            expansions = self._prefixed(exact)
        bits = union(self._postings(t)[2] for t, _f in info.terms)
        if not bits and not expansions and len(exact) >= 4:
            maxdist = 1 if len(exact) < 8 else 2
            near = list(self.terms.near(exact, maxdist))
            # How common a word is in the offers (its stem's document frequency), then A-Z.
            frequency = self.terms.frequencies({word_forms(w)[0] for w in near} - {None})
            near = sorted(
                near,
                key=lambda w: (frequency.get(word_forms(w)[0], 0), [-ord(c) for c in w]),
                reverse=True,
            )
            near = self._shown_words(near) if self._stale_words else near[:MAX_EXPANSIONS]
            expansions = near
            info.correction = near[0] if near else None
        seen = {t for t, _f in info.terms}
        new_stems = [word_forms(e)[0] for e in expansions]
        self._prefetch(s for s in new_stems if s not in seen)
        for expansion, expansion_stem in zip(expansions, new_stems, strict=True):
            info.highlight.add(expansion)
            if expansion_stem and expansion_stem not in seen:
                seen.add(expansion_stem)
                info.terms.append((expansion_stem, EXPANSION_WEIGHT))
                bits |= self._postings(expansion_stem)[2]
        info.bits = bits
        return info

    @property
    def _stale_words(self):
        return getattr(self.terms, "stale_words", False)

    def _shown(self, word):
        """Whether a visible document holds the word: a removed or expired offer's words are
        neither suggested nor expanded to."""
        stem = word_forms(word)[0]
        return bool(stem) and bool(self._postings(stem)[2] & self.cache.visible)

    def _prefixed(self, exact):
        if not self._stale_words:
            return list(self.terms.prefixed(exact, MAX_EXPANSIONS))[:MAX_EXPANSIONS]
        return self._shown_words(self.terms.prefixed(exact, MAX_STALE_SCAN))

    def _shown_words(self, words):
        """The first MAX_EXPANSIONS of `words` that a visible document holds: a batch at a
        time, so a word list without stale words costs no more reads than before."""
        words, found = iter(words), []
        while len(found) < MAX_EXPANSIONS:
            batch = list(itertools.islice(words, MAX_EXPANSIONS - len(found)))
            if not batch:
                break
            self._prefetch(word_forms(w)[0] for w in batch)
            found += [w for w in batch if self._shown(w)]
        return found

    def _add_scores(self, scores, terms, factor=1.0):
        for term, weight in terms:
            ids, impacts, _bits = self._postings(term)
            if len(ids):
                scores[ids] += impacts * np.float32(self._idf(ids) * weight * factor)

    # -- a whole query ---------------------------------------------------------------------
    def _match(self, parsed, synonyms):
        cache = self.cache
        words = list(parsed.words)
        self._prefetch(
            [f for w in words for f in word_forms(w)]
            + [s for phrase in parsed.phrases for s in stem_tokens(" ".join(phrase))]
        )
        infos = [
            self._word(w, parsed.prefix_last and i == len(words) - 1) for i, w in enumerate(words)
        ]
        scores = np.zeros(cache.n, dtype=np.float32)
        bits, highlight, corrections = cache.visible, set(), {}
        for start, size, expansions in synonym_groups(words, synonyms):
            own = [(words[i], infos[i]) for i in range(start, start + size) if infos[i] is not None]
            content = [info for _w, info in own if not info.stopword] or [i for _w, i in own]
            group_bits = intersection((info.bits for info in content), cache.visible)
            for word, info in own:
                highlight |= info.highlight
                self._add_scores(scores, info.terms)
                if info.correction:
                    corrections[word] = info.correction
            for expansion in expansions:
                exp = [self._word(w, False) for w in parse(expansion).words]
                exp = [x for x in exp if x and not x.stopword]
                if exp:
                    group_bits |= intersection((x.bits for x in exp), cache.visible)
                    for x in exp:
                        highlight |= x.highlight
                        self._add_scores(scores, x.terms, SYNONYM_WEIGHT)
            bits &= group_bits
        timed_out = False
        for phrase in parsed.phrases:
            phrase_bits, late = self._phrase_bits(phrase, bits)
            bits &= phrase_bits
            timed_out |= late
            stems = stem_tokens(" ".join(phrase))
            self._add_scores(scores, [(s, 1.0) for s in stems])
            highlight |= set(stems) | set(phrase)
        suggestion = None
        if corrections:
            suggestion = " ".join(corrections.get(w, w) for w in words)
        return TextMatch(bits, scores, frozenset(highlight), suggestion, timed_out)

    def _phrase_bits(self, words, within):
        """Documents holding the words' stems in this order, within one part of the offer."""
        stems = [s for s in stem_tokens(" ".join(words)) if s]
        candidates = intersection((self._postings(s)[2] for s in stems), within)
        if len(stems) < 2 or not candidates:
            return candidates, False
        slots = bits_to_ids(candidates, MAX_PHRASE_CANDIDATES)
        found, late = self.terms.phrase_slots(slots, stems)
        return ids_to_bits(found, self.cache.n), late or (
            candidates.bit_count() > MAX_PHRASE_CANDIDATES
        )
