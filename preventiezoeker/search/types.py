"""The seam's vocabulary: what views hand in and get back. No engine types leak out."""

from dataclasses import dataclass, field

# Facets every document may carry (values are vocabulary slugs). Order = display order.
FACETS = (
    "thema", "wijk", "taal", "doelgroep", "toegankelijkheid",
    "prijs", "vorm", "inschrijving", "organisatie",
)  # fmt: skip
# A document carrying this value matches every filter value of that facet and counts for each
# (an offer for the whole city is an offer in every wijk).
MATCH_ALL = {"wijk": "stadsbreed"}
SORTS = ("relevantie", "naam", "nagekeken")
TEXT_FIELDS = ("title", "summary", "body", "labels", "organisatie_naam")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""  # "" = relevance with words, name without
    page: int = 1
    per_page: int = 20

    def effective_sort(self):
        if self.sort in SORTS and not (self.sort == "relevantie" and not self.text.strip()):
            return self.sort
        return "relevantie" if self.text.strip() else "naam"


@dataclass
class Hit:
    id: int
    score: float | None
    title_html: str  # escaped, with <mark> around matched words
    summary_html: str


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]]  # facet -> value -> count (disjunctive)
    suggestion: str | None = None
    page: int = 1
    per_page: int = 20
    notices: list[str] = field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))


class SearchUnavailable(Exception):
    """The index is missing or unreadable; the database is still the source of truth."""
