"""Several servers, one truth: rate limits count in one Redis, atomically, and fail open; a
worker's cached facet choices follow a change made in another process within a second."""

import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

from django.core.cache import caches
from django.db import connection

import pytest

from aanbod import facetten
from aanbod.models import Thema
from doorverwijzing import ratelimit
from preventiezoeker import versies
from preventiezoeker.settings.base import redis_caches

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def redis_settings(settings, redis_url):
    settings.CACHES = redis_caches(redis_url)
    return redis_url


def unique():
    return f"{uuid.uuid4().hex}@example.org"  # fresh keys: a shared REDIS_URL keeps its data


# -- rate limits -------------------------------------------------------------------------------

HIT_IN_OTHER_PROCESS = """
import json, sys, django
django.setup()
from doorverwijzing.ratelimit import toegestaan
print(json.dumps([toegestaan("test-proces", sys.argv[1], 5, 60) for _ in range(int(sys.argv[2]))]))
"""


def hits_in_process(redis_url, waarde, n):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "preventiezoeker.settings.test",
        "REDIS_URL": redis_url,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", HIT_IN_OTHER_PROCESS, waarde, str(n)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_processes_count_against_one_limit(redis_url):
    waarde = unique()
    assert hits_in_process(redis_url, waarde, 3) == [True, True, True]
    # The second "server" sees the first one's hits: the 6th over both is refused.
    assert hits_in_process(redis_url, waarde, 3) == [True, True, False]


def test_simultaneous_hits_let_exactly_the_limit_through(redis_settings):
    waarde, limiet, ready = unique(), 7, threading.Barrier(40)
    results = []

    def hit():
        ready.wait()
        results.append(ratelimit.toegestaan("test-gelijktijdig", waarde, limiet, 60))
        caches.close_all()

    threads = [threading.Thread(target=hit) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 40
    assert results.count(True) == limiet


def test_the_window_always_expires(redis_settings):
    """INCR and EXPIRE NX go together: no hit ever leaves a key that never expires."""
    waarde = unique()
    for _ in range(3):
        ratelimit.toegestaan("test-venster", waarde, 5, 60)
    cache = caches["ratelimit"]
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=cache.make_key("pz-rl:test-venster:*")))
    assert keys and all(0 < client.ttl(key) <= 60 for key in keys)


def test_file_cache_counts_exactly_across_processes(settings, tmp_path):
    """One machine without Redis: the file-based limit is exact too (forked workers)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "ratelimit"),
        },
    }
    waarde, pids = unique(), []
    out = tmp_path / "uit"
    out.mkdir()
    for n in range(8):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                hits = [ratelimit.toegestaan("test-bestand", waarde, 7, 60) for _ in range(4)]
                (out / str(n)).write_text(json.dumps(hits))
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    hits = [hit for f in out.iterdir() for hit in json.loads(f.read_text())]
    assert len(hits) == 32
    assert hits.count(True) == 7


def dead_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nothing listens there


def test_redis_down_fails_open_with_a_warning(settings, caplog):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{dead_port()}/0")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="doorverwijzing.ratelimit"):
        assert ratelimit.binnen_limiet("mail-adres", unique())
    assert time.monotonic() - started < 1.0
    assert any("not counted" in r.getMessage() for r in caplog.records)


@pytest.fixture
def met_selectie(client, partner_a, partner_b):
    for page in (partner_a.offer, partner_b.offer):
        client.post("/selectie/toevoegen/", {"aanbod": page.pk})
    return client


def test_redis_down_the_mail_form_still_answers(
    met_selectie, settings, caplog, django_capture_on_commit_callbacks
):
    from django.core import mail

    dead = f"redis://127.0.0.1:{dead_port()}/0"
    settings.CACHES = {**settings.CACHES, "ratelimit": redis_caches(dead)["ratelimit"]}
    with (
        caplog.at_level(logging.WARNING, logger="doorverwijzing.ratelimit"),
        django_capture_on_commit_callbacks(execute=True),  # the outbox sends on commit
    ):
        response = met_selectie.post("/selectie/mailen/", {"email": unique()})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert any("not counted" in r.getMessage() for r in caplog.records)


def test_redis_down_pages_keep_working(partner_a, client, settings, caplog):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{dead_port()}/0")
    with caplog.at_level(logging.WARNING, logger="preventiezoeker.cache"):
        for url in ("/", "/aanbod/", f"/aanbod/?q={partner_a.offer.title.split()[0]}"):
            assert client.get(url).status_code == 200, url
    assert any("Redis-cache onbereikbaar" in r.getMessage() for r in caplog.records)


# -- per-worker caches follow the shared change counter -----------------------------------------


def test_reading_the_counter_costs_one_query_per_max_age(db, django_assert_num_queries):
    versies.vergeet()
    with django_assert_num_queries(1):
        for _ in range(50):
            versies.versie("test-teller")
    versies.verhoog("test-teller")
    with django_assert_num_queries(1):
        assert versies.versie("test-teller") == 1  # the worker that changed it reads at once


def test_a_vocabulary_change_bumps_the_counter(db):
    before = versies.versie(facetten.VERSIE)
    Thema.objects.create(slug="test-teller", label="Teller")
    assert versies.versie(facetten.VERSIE) == before + 1


READER = """
import json, sys, time, types, django
django.setup()
from aanbod import facetten
# Only the shared counter may tell this worker: not the search index, not the age limit.
facetten.search = types.SimpleNamespace(generation=lambda: 0)
facetten.CHOICES_MAX_AGE = 3600
slug, new = sys.argv[1], sys.argv[2]
print(json.dumps({"label": facetten.keuzes()["thema"][slug]}), flush=True)
# Only a bound against hanging: it also covers the writer's start-up, slow on a busy machine
# (parallel test workers); the test measures seen_at - committed_at itself.
deadline = time.monotonic() + 60
while facetten.keuzes()["thema"][slug] != new and time.monotonic() < deadline:
    time.sleep(0.01)
print(json.dumps({"label": facetten.keuzes()["thema"][slug], "seen_at": time.time()}), flush=True)
"""

WRITER = """
import json, sys, time, django
django.setup()
from aanbod.models import Thema
thema = Thema.objects.get(slug=sys.argv[1])
thema.label = sys.argv[2]
thema.save()  # autocommit: committed when save() returns
print(json.dumps({"committed_at": time.time()}), flush=True)
"""


def worker_env(tmp_path, name):
    """Another worker on the test database: PostgreSQL's test database itself, or on SQLite a
    file copy of the in-memory test database (a subprocess cannot open that one)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PREVENTIEZOEKER_INDEX_DIR": str(tmp_path / f"index-{name}"),
    }
    if connection.vendor == "postgresql":
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        env["DATABASE_URL"] = f"{base}/{connection.settings_dict['NAME']}"
        env["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.test"
    else:
        # The test settings give every SQLite process a fresh file; the dev settings open
        # $PREVENTIEZOEKER_VAR_DIR/db.sqlite3.
        env.pop("DATABASE_URL", None)
        env["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.dev"
        env["PREVENTIEZOEKER_VAR_DIR"] = str(tmp_path / "var")
    return env


def share_sqlite(tmp_path):
    if connection.vendor != "sqlite":
        return
    (tmp_path / "var").mkdir(exist_ok=True)
    connection.ensure_connection()
    target = sqlite3.connect(tmp_path / "var" / "db.sqlite3")
    with target:
        connection.connection.backup(target)
    target.close()


def test_a_change_in_another_process_reaches_cached_choices_within_a_second(
    transactional_db, django_db_serialized_rollback, tmp_path, monkeypatch
):
    # Only the shared counter may tell a worker: not the search index, not the age limit.
    monkeypatch.setattr(facetten, "search", SimpleNamespace(generation=lambda: 0))
    monkeypatch.setattr(facetten, "CHOICES_MAX_AGE", 3600)
    Thema.objects.create(slug="test-slaap", label="Slaap")
    share_sqlite(tmp_path)
    versies.vergeet()
    assert facetten.keuzes()["thema"]["test-slaap"] == "Slaap"  # this worker keeps a copy
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, "test-slaap", "Goed slapen"], cwd=ROOT,
        env=worker_env(tmp_path, "reader"), stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert json.loads(reader.stdout.readline()) == {"label": "Slaap"}
        writer = subprocess.run(
            [sys.executable, "-c", WRITER, "test-slaap", "Goed slapen"], cwd=ROOT,
            env=worker_env(tmp_path, "writer"), capture_output=True, text=True, timeout=60,
            check=True,
        )  # fmt: skip
        committed_at = json.loads(writer.stdout.strip().splitlines()[-1])["committed_at"]
        if connection.vendor == "postgresql":  # this very process shares that database
            while facetten.keuzes()["thema"]["test-slaap"] != "Goed slapen":
                assert time.time() - committed_at < 1.0
                time.sleep(0.01)
        seen = json.loads(reader.stdout.readline())
    finally:
        reader.wait(timeout=20)
    assert seen["label"] == "Goed slapen"
    assert seen["seen_at"] - committed_at < 1.0
