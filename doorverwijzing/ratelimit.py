"""A small fixed-window rate limit on Django's cache (alias "ratelimit").

Keys are hashed: the cache never holds a readable e-mail or IP address.

Every worker and every server counts in the same place (Redis with REDIS_URL, else a directory
on this machine), and one hit is one atomic step: with Redis `INCR` and `EXPIRE ... NX` in one
MULTI, so the first hit opens the window and no key ever lives without its expiry; elsewhere an
add-or-incr under a file lock. A limit that cannot be counted (Redis down or slow) lets the
request through with a warning in the log: a broken cache must not break the forms.
"""

import contextlib
import fcntl
import hashlib
import logging
import os
import threading

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

from preventiezoeker.lockout.client_ip import client_ip as lockout_client_ip

logger = logging.getLogger(__name__)

CACHE_ALIAS = "ratelimit"

_thread_lock = threading.Lock()


def _cache():
    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]


def client_ip(request):
    """The same address rule as the login limit (DJANGO_TRUSTED_PROXY_COUNT): REMOTE_ADDR, or
    behind our own proxies the address the outermost one saw; never what a client writes."""
    return lockout_client_ip(request) or ""


def _redis_hit(cache, key, seconden):
    """Count one hit in Redis atomically; the hits in this window so far."""
    key = cache.make_and_validate_key(key)
    client = cache._cache.get_client(key, write=True)
    pipe = client.pipeline(transaction=True)
    pipe.incr(key)
    pipe.expire(key, seconden, nx=True)  # only the first hit of a window sets the expiry
    hits, _ = pipe.execute()
    return int(hits)


@contextlib.contextmanager
def _locked(cache):
    """Serialize add-or-incr across this machine's workers (a file cache's incr is get+set)."""
    directory = getattr(cache, "_dir", None)
    with _thread_lock:
        if directory is None:  # locmem: one process, the thread lock is enough
            yield
            return
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, ".lock"), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _local_hit(cache, key, seconden):
    with _locked(cache):
        if cache.add(key, 1, timeout=seconden):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconden)
            return 1


def toegestaan(soort: str, waarde: str, limiet: int, seconden: int) -> bool:
    """Count one hit for (soort, waarde); False once more than limiet hits in the window.

    True (with a warning) when the hit cannot be counted: the limit fails open.
    """
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{waarde.lower()}".encode()).hexdigest()[:32]
    key = f"pz-rl:{soort}:{digest}"
    cache = _cache()
    try:
        if isinstance(cache, RedisCache):
            hits = _redis_hit(cache, key, seconden)
        else:
            hits = _local_hit(cache, key, seconden)
    except Exception as exc:  # any cache failure: count nothing, allow, and say so
        expected = isinstance(exc, RedisError | OSError)
        logger.warning(
            "Rate limit %s not counted, request allowed: %r", soort, exc, exc_info=not expected
        )
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
