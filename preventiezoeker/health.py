"""GET /health/: what a load balancer asks before sending visitors to this server. 200 when
the database answers and search works here; 503 (with which part failed) otherwise. It names no
offer and counts nothing, so it may be public."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .search import get_backend

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def health(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError as exc:
        logger.warning("Gezondheidscontrole: database onbereikbaar: %s", exc)
        checks["database"] = "fout"
    checks["search"] = (
        "ok" if checks["database"] == "ok" and get_backend().status()["ok"] else "fout"
    )
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
