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


class Lexicon:
    """The word questions the text planner asks, answered from search_term."""

    def __init__(self, cursor, name):
        self.cursor, self.name = cursor, name

    def frequencies(self, terms):
        if not terms:
            return {}
        self.cursor.execute(
            "SELECT term, docs FROM search_term WHERE source = %s AND kind = 's' "
            "AND term = ANY(%s)",
            [self.name, list(terms)],
        )
        return dict(self.cursor.fetchall())

    def prefixed(self, word, limit):
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s ORDER BY term LIMIT %s",
            [self.name, word, word + "\U0010ffff", limit],
        )
        return [row[0] for row in self.cursor.fetchall()]

    def near(self, word, maxdist, limit):
        first = word[0]
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s AND length(term) BETWEEN %s AND %s "
            "AND levenshtein_less_equal(term, %s, %s) <= %s LIMIT 500",
            [self.name, first, first + "\U0010ffff", len(word) - maxdist, len(word) + maxdist,
             word, maxdist, maxdist],
        )  # fmt: skip
        near = [row[0] for row in self.cursor.fetchall() if row[0] != word]
        frequency = self.frequencies({word_forms(w)[0] for w in near} - {None})

        def key(candidate):
            return (frequency.get(word_forms(candidate)[0], 0), [-ord(c) for c in candidate])

        return sorted(near, key=key, reverse=True)[:limit]


def matching(cursor, name, plan, documents):
    """[(id, score)] of the documents that hold every group (and phrase) of `plan`: each
    term's postings with their BM25 impacts times the term's idf and weight, summed."""
    conditions = [_group_condition(group) for group in plan.groups]
    params = {
        "source": name, "n": max(1, documents),
        "terms": [t for t, _w, _b in plan.terms], "weights": [w for _t, w, _b in plan.terms],
        "bits": [b for _t, _w, b in plan.terms],
    }  # fmt: skip
    join = ""
    if plan.phrases:
        join = "JOIN search_document d ON d.source = %(source)s AND d.id = m.id"
        for index, phrase in enumerate(plan.phrases):
            params[f"phrase{index}"] = phrase
            conditions.append(f"strpos(' ' || d.sequence || ' ', %(phrase{index})s) > 0")
    cursor.execute(
        "WITH q AS (SELECT * FROM unnest(%(terms)s::text[], %(weights)s::float8[], "
        "%(bits)s::bigint[]) AS q(term, weight, bits)), "
        "qi AS (SELECT q.term, q.bits, q.weight * ln(1 + (%(n)s - coalesce(t.docs, 0) + 0.5) "
        "/ (coalesce(t.docs, 0) + 0.5)) AS weight FROM q LEFT JOIN search_term t "
        "ON t.source = %(source)s AND t.kind = 's' AND t.term = q.term), "
        "m AS (SELECT p.id, sum(p.impact * qi.weight) AS score, bit_or(qi.bits) AS bits "
        "FROM search_posting p JOIN qi ON p.source = %(source)s AND p.term = qi.term "
        f"GROUP BY p.id) SELECT m.id, m.score FROM m {join} "
        f"WHERE {' AND '.join(conditions) or 'true'}",
        params,
    )
    return cursor.fetchall()


def _group_condition(group):
    """A group holds when one alternative's word bits are all set."""
    alternatives = [bits for bits in group if bits]
    if not alternatives:
        return "false"
    return "(" + " OR ".join(f"(m.bits & {b}) = {b}" for b in alternatives) + ")"
