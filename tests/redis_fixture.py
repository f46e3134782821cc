"""A real Redis for the tests: REDIS_URL when set, else a throwaway redis-server on a free port.

Registered from tests/conftest.py (pytest_plugins). The throwaway server keeps nothing on disk
and is stopped by its PID when the session ends. No redis-server means a clear failure, never
a skip: ./pz test installs it (apt-get install -y redis-server).

Parallel runs (pytest-xdist, ./pz test): the workers share one REDIS_URL, each in a database
of its own (worker gw0 uses database 1, gw1 database 2...), because Django's RedisCache.clear()
empties a whole database and rate limits count per key.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

# A stock redis-server has databases 0-15; 0 stays for runs without workers.
REDIS_DATABASES = 16


def worker_number():
    """0 outside pytest-xdist, else 1 + the worker's index (gw0 -> 1)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) + 1 if worker.startswith("gw") else 0


def for_this_worker(url):
    """The same Redis server, in this worker's own database."""
    number = worker_number()
    if not number:
        return url
    if number >= REDIS_DATABASES:
        raise pytest.UsageError(
            f"At most {REDIS_DATABASES - 1} test workers can share one Redis (REDIS_URL): "
            f"use -n {REDIS_DATABASES - 1} or fewer."
        )
    return urlunsplit(urlsplit(url)._replace(path=f"/{number}"))


def pytest_configure(config):
    """Before any test: this worker's caches and child processes use its own Redis database."""
    url = os.environ.get("REDIS_URL")
    if not url or not worker_number():
        return
    own = for_this_worker(url)
    os.environ["REDIS_URL"] = own  # servers and scripts the tests start inherit it
    from django.conf import settings

    if settings.configured:
        for cache in settings.CACHES.values():
            if cache.get("LOCATION") == url:
                cache["LOCATION"] = own


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url, seconds=10):
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    deadline = time.monotonic() + seconds
    while True:
        try:
            client.ping()
            return
        except redis.RedisError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
        finally:
            client.close()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    if os.environ.get("REDIS_URL"):
        yield for_this_worker(os.environ["REDIS_URL"])
        return
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        pytest.fail(
            "redis-server is not installed and REDIS_URL is not set: "
            "apt-get install -y redis-server (./pz test installs it) or set REDIS_URL",
            pytrace=False,
        )
    directory = tmp_path_factory.mktemp("redis")
    pidfile = directory / "redis.pid"
    port = _free_port()
    subprocess.run(
        [
            binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--daemonize", "yes", "--pidfile", str(pidfile),
            "--dir", str(directory), "--logfile", str(directory / "redis.log"),
        ],
        check=True, timeout=30,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        _wait_for(url)
        yield url
    finally:
        _stop(pidfile)


def _stop(pidfile):
    deadline = time.monotonic() + 5
    while not pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # daemonized: the pidfile appears just after the parent exits
    if not pidfile.exists():
        return
    pid = int(pidfile.read_text().strip())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    while time.monotonic() < deadline + 5:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
