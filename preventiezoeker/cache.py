"""Django's Redis cache, but a cache: when Redis is down or slow, reads miss and writes are
dropped with a logged warning, and pages keep working (Wagtail keeps its site lookups here)."""

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
WARN_EVERY = 30  # seconds: one warning per worker, not one per request


class FailSoftRedisCache(RedisCache):
    _warned = 0.0

    def _soft(self, method, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception as exc:  # redis ConnectionError, TimeoutError, OSError...
            now = time.monotonic()
            if now - FailSoftRedisCache._warned > WARN_EVERY:
                FailSoftRedisCache._warned = now
                logger.warning("Redis-cache onbereikbaar (%s): verder zonder cache", exc)
            return default

    def get(self, key, default=None, version=None):
        return self._soft("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._soft("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._soft("has_key", False, key, version)

    def add(self, key, value, timeout=None, version=None):
        return self._soft("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._soft("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._soft("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._soft("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._soft("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._soft("delete_many", None, keys, version)

    def clear(self):
        return self._soft("clear", None)
