"""ETag and Last-Modified on every 200 answer of /api/v1/, and 304 for a client that has it.

ETag: a hash of the body, so it changes whenever anything in the answer does, whatever the
cause (a publish, an unpublish, an end date that passed, a moment that is over).

Last-Modified: when this answer (this URL, in this language) last changed, as the shared cache
saw it. Not the newest `last_published_at` of what is shown: an unpublished offer leaves a list
without any newer date, and a passing day changes next dates without any publish; a client with
only If-Modified-Since would get a 304 for a list that still names a hidden offer. A change seen
in the same second as the previous one moves the date one second on, so it is always newer.
Without the cache (Redis down, entry expired) the answer counts as changed now: never a wrong
304, at worst a body sent once more.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

SEEN_FOR = 60 * 60 * 24 * 7  # a week: an URL nobody polled that long starts afresh
ONE_SECOND = datetime.timedelta(seconds=1)


def _key(request):
    url = f"{get_language()} {request.build_absolute_uri()}"
    return "api-lm:" + hashlib.sha256(url.encode()).hexdigest()


def _last_changed(request, etag):
    key = _key(request)
    now = timezone.now().replace(microsecond=0)
    seen = cache.get(key)
    if seen is not None and seen[0] == etag:
        return seen[1]
    since = now if seen is None else max(now, seen[1] + ONE_SECOND)
    cache.set(key, (etag, since), SEEN_FOR)
    return since


def conditional(request, response):
    """The 200 `response` with ETag and Last-Modified, or a 304 if the client has it."""
    if response.status_code != 200 or request.method not in ("GET", "HEAD"):
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(_last_changed(request, etag).timestamp())
    # Clients may keep the answer but must ask again (cheaply, with the ETag) before using it.
    response["Cache-Control"] = "no-cache"
    return get_conditional_response(
        request,
        etag=etag,
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )
