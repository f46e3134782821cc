"""Paging for the API's plain lists (organisations, campaigns): the offer search's page rule."""

from django.utils.translation import gettext

from aanbod.filters import PageField

PER_PAGE = 50


def page_of(request, queryset):
    """The page's objects and the list's `count`, `page`, `num_pages`, `per_page`, `notices`.
    A page past the end is empty, not an error; a page that is no number is page 1."""
    field = PageField()
    number = field.clean(request.GET.get("page"))
    notices = [gettext("Ongeldig paginanummer; we tonen pagina 1.")] if field.invalid else []
    count = queryset.count()
    start = (number - 1) * PER_PAGE
    items = list(queryset[start : start + PER_PAGE]) if start < count else []
    meta = {
        "count": count,
        "page": number,
        "num_pages": max(1, -(-count // PER_PAGE)),
        "per_page": PER_PAGE,
        "notices": notices,
    }
    return items, meta
