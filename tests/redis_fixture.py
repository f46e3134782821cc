"""A real Redis for the tests: REDIS_URL when set, else a throwaway redis-server on a free port.

Registered from tests/conftest.py (pytest_plugins). The throwaway server keeps nothing on disk
and is stopped by its PID when the session ends. No redis-server means a clear failure, never
a skip: ./pz test installs it (apt-get install -y redis-server).
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis


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
        yield os.environ["REDIS_URL"]
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
