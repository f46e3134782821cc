"""HTTP conventions shared by every /api/v1/ endpoint: JSON bodies, CORS, methods, errors.

Read-only and anonymous: no cookies, CORS open to every origin, never indexed by search engines.
"""

import json
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .conditional import conditional

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
RETRY_AFTER_SECONDS = 30
METHOD_NOT_ALLOWED_DETAIL = "Deze methode is niet toegestaan; gebruik GET."
NOT_FOUND_DETAIL = "Niet gevonden: dit adres of dit id bestaat niet, of is niet (meer) openbaar."
UNAVAILABLE_DETAIL = (
    "Zoeken is tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw."
)
# <, > and & never appear raw in the body, even inside strings that echo what someone typed
# (the parsed JSON is unchanged; the same trick as Django's json_script).
# Headers a script on another origin may read (CORS hides all but a few by default).
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After"
# Page ids are 32-bit integers in PostgreSQL: a larger number is no id, not a database error.
MAX_ID = 2**31 - 1
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_response(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def unavailable():
    """503 for a search index that cannot answer now; clients may retry after a while."""
    response = json_response({"detail": UNAVAILABLE_DETAIL}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def not_found():
    return json_response({"detail": NOT_FOUND_DETAIL}, status=404)


def parse_id(text):
    """The id in a URL as a number, or None for anything that cannot be an id."""
    if not (isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= 10):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def api_view(view):
    """GET/HEAD answered by `view`, OPTIONS as a CORS preflight, anything else 405."""

    @csrf_exempt  # anonymous and read-only: a POST gets a clean 405, not a CSRF page
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            requested = request.headers.get("Access-Control-Request-Headers")
            response["Access-Control-Allow-Headers"] = requested or "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
            # The allowed headers echo the request's: caches must key on it.
            response["Vary"] = "Access-Control-Request-Headers"
        elif request.method in ("GET", "HEAD"):
            response = conditional(request, view(request, *args, **kwargs))
        else:
            response = json_response({"detail": METHOD_NOT_ALLOWED_DETAIL}, status=405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


@api_view
def unknown(request, *args, **kwargs):
    """Any other address under /api/v1/: a 404 in JSON, like an unknown id."""
    return not_found()


def facet_counts(facets):
    """The `facets` map of a response: parameter name -> values with counts."""
    return {
        facet.name: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in facet.values
        ]
        for facet in facets
    }
