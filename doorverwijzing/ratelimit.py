"""A small fixed-window rate limit on Django's cache (alias "ratelimit").

Keys are hashed: the cache never holds a readable e-mail or IP address.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "ratelimit"


def _cache():
    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]


def client_ip(request):
    # X-Forwarded-For comes from the client and cannot be trusted here. Behind a reverse proxy
    # the proxy must set REMOTE_ADDR, or every visitor shares one limit (see README).
    return request.META.get("REMOTE_ADDR", "")


def toegestaan(soort: str, waarde: str, limiet: int, seconden: int) -> bool:
    """Count one hit for (soort, waarde); False once more than limiet hits in the window."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{waarde.lower()}".encode()).hexdigest()[:32]
    key = f"pz-rl:{soort}:{digest}"
    cache = _cache()
    if cache.add(key, 1, timeout=seconden):
        return True
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconden)
        return True
    return hits <= limiet


# (limit, window in seconds). Generous for a caregiver, useless for a spammer.
LIMIETEN = {
    "mail-adres": (5, 3600),
    "mail-ip": (20, 3600),
    "correctie-ip": (5, 3600),
    "correctie-adres": (5, 3600),
    "aanvraag-ip": (10, 3600),
}


def binnen_limiet(soort, waarde):
    limiet, seconden = LIMIETEN[soort]
    return toegestaan(soort, waarde, limiet, seconden)
