"""Run by tests/test_parallel.py with `pytest -n 2 --dist each`: every worker writes down where
its caches, index, media and rate limits live. Not collected in ordinary runs (no test_ prefix).
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import caches


def _redis_db(alias):
    client = caches[alias]._cache.get_client(write=True)
    return client.connection_pool.connection_kwargs["db"]


def test_write_down_what_this_worker_uses():
    record = {
        "worker": os.environ["PYTEST_XDIST_WORKER"],
        "redis_url": os.environ["REDIS_URL"],
        "default_db": _redis_db("default"),
        "ratelimit_db": _redis_db("ratelimit"),
        "index": str(settings.SEARCH_INDEX_DIR),
        "media": str(settings.MEDIA_ROOT),
        "static": str(settings.STATIC_ROOT),
    }
    out = Path(os.environ["PZ_PROBE_DIR"]) / f"{record['worker']}.json"
    out.write_text(json.dumps(record))
