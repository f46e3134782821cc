"""The index follows the database: publish → findable, unpublish/delete → gone, from any process."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aanbod.models import AanbodPage, Thema
from preventiezoeker.search import SearchQuery, reset_backend, search
from preventiezoeker.search.models import IndexTaak
from preventiezoeker.search.sync import flush, rebuild
from tests.aanbod.factories import AanbodPageFactory, publish

ROOT = Path(__file__).resolve().parents[2]


def found(text="", **filters):
    result = search(SearchQuery(text=text, filters={k: tuple(v) for k, v in filters.items()}))
    return {hit.id for hit in result.hits}


@pytest.fixture
def indexed(index_dir, partner_a):
    rebuild()
    return partner_a


@pytest.fixture
def whoosh_engine(settings, index_dir):
    """The embedded engine's own mechanism (file lock, queue, on-disk index shared by the
    processes of one machine), also where the database is PostgreSQL. The PostgreSQL engine's
    cross-process behaviour: tests/test_two_servers.py and test_pg_faults.py."""
    settings.SEARCH_BACKEND = "preventiezoeker.search.whoosh_backend.WhooshBackend"
    reset_backend()
    yield
    reset_backend()


def test_publish_makes_an_offer_findable(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = publish(
            AanbodPageFactory(parent=indexed.organisatie, title="Valpreventie met Tai Chi")
        )
    assert offer.pk in found("tai chi")
    assert not IndexTaak.objects.exists()


def test_a_draft_is_not_findable(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = AanbodPageFactory(parent=indexed.organisatie, title="Geheime yogales", live=False)
        draft.save_revision()
    assert draft.pk not in found("yogales")


def test_unpublish_and_delete_remove_it(indexed, django_capture_on_commit_callbacks):
    offer = indexed.offer
    assert offer.pk in found("beweegcoach")
    with django_capture_on_commit_callbacks(execute=True):
        offer.unpublish()
    assert offer.pk not in found("beweegcoach")
    with django_capture_on_commit_callbacks(execute=True):
        publish(AanbodPage.objects.get(pk=offer.pk))
    assert offer.pk in found("beweegcoach")
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).delete()
    assert offer.pk not in found("beweegcoach") and offer.pk not in found()


def test_renaming_the_organisation_or_a_theme_updates_offers(
    indexed, django_capture_on_commit_callbacks
):
    organisatie = indexed.organisatie
    with django_capture_on_commit_callbacks(execute=True):
        organisatie.title = "Buurthuis Zonnebloem"
        organisatie.save_revision().publish()
    assert indexed.offer.pk in found("zonnebloem")
    with django_capture_on_commit_callbacks(execute=True):
        thema = Thema.objects.get(slug="beweging")
        thema.label = "Sporten en bewegen"
        thema.save()
    assert indexed.offer.pk in found("sporten")


def test_moving_an_offer_updates_its_organisation(
    indexed, partner_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=indexed.offer.pk).move(partner_b.organisatie, pos="last-child")
    assert indexed.offer.pk in found(organisatie=["wgc-beta"])
    assert indexed.offer.pk not in found(organisatie=["wgc-alfa"])


HOLD_LOCK = """
import os, sys, time, django
django.setup()
from preventiezoeker.search import get_backend
with get_backend().writer(timeout=5) as locked:
    print("locked" if locked else "busy", flush=True)
    time.sleep(float(sys.argv[1]))
"""


def subprocess_env(index_dir):
    """Another worker: same index, and the test database (read-only use) where it can share it."""
    from django.conf import settings
    from django.db import connection

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "preventiezoeker.settings.test",
        "PREVENTIEZOEKER_INDEX_DIR": str(index_dir),
        "PREVENTIEZOEKER_SEARCH_BACKEND": settings.SEARCH_BACKEND,
        "PREVENTIEZOEKER_VAR_DIR": str(index_dir.parent / "var"),
        "PYTHONPATH": str(ROOT),
    }
    if connection.vendor == "postgresql" and os.environ.get("DATABASE_URL"):
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        env["DATABASE_URL"] = f"{base}/{connection.settings_dict['NAME']}"
    return env


def test_no_update_is_lost_while_another_process_holds_the_lock(
    whoosh_engine, indexed, index_dir, django_capture_on_commit_callbacks
):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, "3.5"], cwd=ROOT, env=subprocess_env(index_dir),
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "locked"
    with django_capture_on_commit_callbacks(execute=True):
        offer = publish(AanbodPageFactory(parent=indexed.organisatie, title="Zwemles voor ouderen"))
    # The other process still holds the lock: the change waits in the queue, no error.
    assert IndexTaak.objects.filter(object_id=offer.pk).exists()
    assert offer.pk not in found("zwemles")
    holder.wait(timeout=10)
    assert flush(timeout=5) >= 1
    assert offer.pk in found("zwemles")
    assert not IndexTaak.objects.exists()


SEARCH_IN_OTHER_PROCESS = """
import json, sys, time, django
django.setup()
from preventiezoeker.search import SearchQuery, search
search(SearchQuery(text=sys.argv[1]))  # the searcher is open before the change
print("ready", flush=True)
deadline = time.monotonic() + 10
while True:
    ids = [h.id for h in search(SearchQuery(text=sys.argv[1])).hits]
    if ids or time.monotonic() > deadline:
        print(json.dumps({"ids": ids, "seen_at": time.time()}))
        break
    time.sleep(0.02)
"""


def test_a_published_change_is_seen_by_another_worker_within_a_second(
    whoosh_engine, indexed, index_dir, django_capture_on_commit_callbacks
):
    other = subprocess.Popen(
        [sys.executable, "-c", SEARCH_IN_OTHER_PROCESS, "kickboksen"], cwd=ROOT,
        env=subprocess_env(index_dir), stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert other.stdout.readline().strip() == "ready"
    with django_capture_on_commit_callbacks(execute=True):
        offer = publish(
            AanbodPageFactory(parent=indexed.organisatie, title="Kickboksen voor meisjes")
        )
        published_at = time.time()  # the index is written on commit, right after this block
    out, _ = other.communicate(timeout=30)
    answer = json.loads(out)
    assert answer["ids"] == [offer.pk]
    # From the publish to the other worker's answer: the write on commit, its poll, reopening.
    assert answer["seen_at"] - published_at < 1.0


CONCURRENT_WRITER = """
import sys, django
django.setup()
from preventiezoeker.search import get_backend
worker, count = int(sys.argv[1]), int(sys.argv[2])
for n in range(count):
    with get_backend().writer(timeout=30) as locked:
        assert locked
        get_backend().update([{"id": worker * 1000 + n, "title": f"schrijver {worker} nummer {n}"}])
print("ok")
"""


def test_several_writers_never_lose_a_document(db, whoosh_engine, index_dir):
    rebuild()  # writes never create an index (issue 11): they start from an empty one
    get_ready = index_dir
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_WRITER, str(worker), "8"],
            cwd=ROOT,
            env=subprocess_env(get_ready),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for worker in (1, 2, 3)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "LockError" not in err
    reset_backend()
    result = search(SearchQuery(text="schrijver", per_page=100))
    assert result.total == 24
