"""./pz test runs the suite on several pytest-xdist workers: each must keep its Redis database,
index, media and rate limits to itself (tests/redis_fixture.py, tests/conftest.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import servers
from tests.conftest import (
    ONE_WORKER_MODULES,
    keep_files_to_this_process,
    pytest_xdist_make_scheduler,
)
from tests.redis_fixture import for_this_worker

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("worker", "expected"),
    [
        (None, "redis://:geheim@127.0.0.1:6390/0"),
        ("gw0", "redis://:geheim@127.0.0.1:6390/1"),
        ("gw6", "redis://:geheim@127.0.0.1:6390/7"),
    ],
)
def test_each_worker_gets_its_own_redis_database(monkeypatch, worker, expected):
    if worker:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    else:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert for_this_worker("redis://:geheim@127.0.0.1:6390/0") == expected


def test_more_workers_than_redis_databases_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw15")
    with pytest.raises(pytest.UsageError, match="use -n 15 or fewer"):
        for_this_worker("redis://127.0.0.1:6390/0")


def test_rate_limit_files_never_land_in_the_developers_var_directory(settings):
    settings.CACHES = {
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(settings.BASE_DIR / "var" / "ratelimit"),
        }
    }
    keep_files_to_this_process(settings)
    location = Path(settings.CACHES["ratelimit"]["LOCATION"])
    assert not location.is_relative_to(settings.BASE_DIR)
    assert location.is_dir()


def test_a_shared_index_directory_is_split_per_worker(settings, monkeypatch, tmp_path):
    monkeypatch.setenv("PREVENTIEZOEKER_INDEX_DIR", str(tmp_path))
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw3")
    keep_files_to_this_process(settings)
    index = settings.SEARCH_INDEX_DIR
    assert index == tmp_path / "gw3"


def test_two_workers_share_no_cache_database_or_directory(tmp_path):
    """A real parallel run: two workers on one Redis."""
    with servers.throwaway_redis() as redis_url:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PYTEST_", "DATABASE_", "PREVENTIEZOEKER_"))
        }
        env.update(REDIS_URL=redis_url, PZ_PROBE_DIR=str(tmp_path))
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-n", "2", "--dist", "each", "-q",
             "-p", "no:randomly", "tests/xdist_probe.py"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    records = {p.stem: json.loads(p.read_text()) for p in tmp_path.glob("gw*.json")}
    assert set(records) == {"gw0", "gw1"}
    gw0, gw1 = records["gw0"], records["gw1"]
    assert (gw0["default_db"], gw0["ratelimit_db"]) == (1, 1)
    assert (gw1["default_db"], gw1["ratelimit_db"]) == (2, 2)
    # Their child processes (gunicorn, scripts) inherit the worker's database.
    assert gw0["redis_url"] == for_this_url(redis_url, 1)
    assert gw1["redis_url"] == for_this_url(redis_url, 2)
    for place in ("index", "media", "static"):
        assert gw0[place] != gw1[place], place


def for_this_url(url, number):
    return url.rsplit("/", 1)[0] + f"/{number}"


class FakeWorker:
    def __init__(self, name):
        self.gateway, self.indexes = SimpleNamespace(id=name), []
        self.shutting_down = False

    def send_runtest_some(self, indexes):
        self.indexes += indexes

    def shutdown(self):
        self.shutting_down = True


def test_the_two_server_tests_go_to_one_worker_first_and_the_rest_test_by_test():
    config = SimpleNamespace(
        getvalue={"dist": "load", "tx": ["2*popen"]}.get,
        option=SimpleNamespace(loadscopereorder=True),
    )
    scheduler = pytest_xdist_make_scheduler(config, log=None)
    collection = [
        "tests/aanbod/test_a.py::test_1",
        "tests/aanbod/test_a.py::test_2",
        "tests/aanbod/test_a.py::test_3",
        "tests/aanbod/test_a.py::test_4",
        "tests/test_two_servers.py::test_x",
        "tests/test_two_servers.py::test_y",
        "tests/test_two_servers.py::test_z",
        "tests/zoek/test_b.py::test_3",
    ]
    gw0, gw1 = FakeWorker("gw0"), FakeWorker("gw1")
    for worker in (gw0, gw1):
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, collection)
    scheduler.schedule()

    def sent(worker):
        return [collection[i] for i in worker.indexes]

    assert sent(gw0) == collection[4:7]  # the whole module, before anything else
    # Any other module goes test by test: two to start with, the rest as workers come free.
    assert sent(gw1) == collection[0:2]


def test_scheduler_leaves_other_distribution_modes_alone():
    config = SimpleNamespace(getvalue={"dist": "each"}.get)
    assert pytest_xdist_make_scheduler(config, log=None) is None


def test_every_module_that_starts_its_own_servers_runs_on_one_worker(request):
    """A new module with the servers mark belongs in ONE_WORKER_MODULES, or its deployment
    starts once per worker."""
    modules = {
        item.nodeid.split("::", 1)[0]
        for item in request.session.items
        if item.get_closest_marker("servers")
    }
    assert modules <= ONE_WORKER_MODULES
