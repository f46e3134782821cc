"""HSDS paging: `page` and `per_page` in, the Page object of the HSDS OpenAPI out.

Garbage is clamped, never an error: page below 1 or not a number is page 1, per_page is kept
between 1 and MAX_PER_PAGE. A page past the end is an empty page (200), as the standard's
`empty` field expects.
"""

import math
from dataclasses import dataclass

PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 10**6  # a number Python and the database handle without effort


def _integer(value, default, low, high):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @classmethod
    def from_query(cls, query):
        return cls(
            page=_integer(query.get("page"), 1, 1, MAX_PAGE),
            per_page=_integer(query.get("per_page"), PER_PAGE, 1, MAX_PER_PAGE),
        )

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def slice(self, items):
        """This page's part of a sequence or queryset (one LIMIT/OFFSET query)."""
        return items[self.offset : self.offset + self.per_page]

    def body(self, total, contents):
        total_pages = math.ceil(total / self.per_page)
        return {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": self.page,
            "size": len(contents),
            "first_page": self.page == 1,
            "last_page": self.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
