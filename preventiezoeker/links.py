"""Absolute links to pages, for feeds, the API, structured data and handouts."""


def absolute_url(request, page):
    """The page's full URL on the host the request came to; None when it has no URL (not
    routable, or outside every site)."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None
