"""What every serialiser shares: the request's Context and dropping empty fields.

HSDS types its fields as plain strings and numbers (no null): a field we have no value for is
left out, never sent as null or "".
"""

from django.utils.functional import cached_property
from django.utils.html import strip_tags

from aanbod.models import AanbodIndexPage
from preventiezoeker.links import absolute_url

from ..taxonomies import TAXONOMIES

COUNTRY = "BE"
CURRENCY = "EUR"


def compact(data):
    return {key: value for key, value in data.items() if value is not None and value != ""}


def plain(html):
    return " ".join(strip_tags(html or "").split())


class Context:
    """One request: absolute URLs, and the vocabularies read once for every item of a page."""

    def __init__(self, request):
        self.request = request

    def url(self, page):
        return absolute_url(self.request, page)

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    @cached_property
    def index_url(self):
        index = AanbodIndexPage.objects.live().public().first()
        return self.url(index) if index else None

    @cached_property
    def terms(self):
        """(taxonomy name, slug) -> Term, for every taxonomy (a query per vocabulary)."""
        return {(t.taxonomy, t.slug): t for taxonomy in TAXONOMIES for t in taxonomy.terms()}

    def term(self, naam, slug):
        return self.terms.get((naam, slug))
