"""The embedded engine heals, or at least never lies (issue 11): a missing or damaged index is
reported as IndexDamaged and never silently replaced by a partial one, a damaged segment never
kills a worker, a held write lock fails a write in seconds, a failed rebuild leaves nothing
behind, and removed offers' words are no longer suggested."""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from whoosh.index import open_dir

from aanbod.models import AanbodPage
from preventiezoeker.search import (
    IndexDamaged,
    SearchQuery,
    SearchUnavailable,
    register_source,
    reset_backend,
    whoosh_storage,
)
from preventiezoeker.search.models import IndexTaak
from preventiezoeker.search.sources import get_source, unregister_source
from preventiezoeker.search.sync import rebuild
from preventiezoeker.search.whoosh_backend import WhooshBackend
from tests.aanbod.factories import AanbodPageFactory, publish

from .breken import DAMAGE, break_index, damage_index
from .proef import PROEF, doc

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    doc(1, "Samen bewegen in het park", "Wandelen met buren", onderwerp=["beweging"]),
    doc(2, "Rookstop met een tabakoloog", "Stoppen met roken", onderwerp=["rookstop"]),
    doc(3, "Poetsles voor kinderen", "Gezonde tanden", tekst="De mondhygiënist komt langs"),
    doc(4, "Fietsles voor vrouwen", "Leer fietsen in een veilige groep"),
]


@pytest.fixture
def proef():
    register_source(PROEF)
    yield PROEF
    unregister_source(PROEF.name)


def engine(path):
    return WhooshBackend(path, source=get_source("proef"))


@pytest.fixture
def built(proef, tmp_path):
    path = tmp_path / "index"
    engine(path).rebuild(iter(CORPUS))
    return path


def total(backend, text=""):
    return backend.search(SearchQuery(text=text)).total


@pytest.fixture
def whoosh_site(settings, index_dir, partner_a):
    """The site on the embedded engine, its index built from the database."""
    settings.SEARCH_BACKEND = "preventiezoeker.search.whoosh_backend.WhooshBackend"
    reset_backend()
    rebuild()
    yield partner_a
    reset_backend()


def page(client, **params):
    response = client.get("/aanbod/", params)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


# -- finding 6: a missing index is not replaced by a partial one ---------------------------


def test_update_and_delete_never_create_an_index(proef, tmp_path):
    path = tmp_path / "index"
    with pytest.raises(IndexDamaged):
        engine(path).update([doc(9, "Eén nieuw aanbod")])
    with pytest.raises(IndexDamaged):
        engine(path).delete([1])
    assert not path.exists()
    with pytest.raises(IndexDamaged):
        engine(path).check()


def test_an_index_without_documents_is_healthy_not_damaged(proef, tmp_path):
    """A new site has no offers yet: its index must not read as damaged (a rebuild loop)."""
    path = tmp_path / "index"
    backend = engine(path)
    backend.rebuild(iter([]))
    backend.check()
    assert total(backend) == 0
    assert total(backend, "wandelen") == 0
    backend.update([doc(9, "Eén nieuw aanbod")])
    assert total(backend, "nieuw") == 1


def test_deleted_index_then_a_publish_the_site_still_lists_every_offer(
    whoosh_site, index_dir, client, django_capture_on_commit_callbacks
):
    shutil.rmtree(index_dir)
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = publish(AanbodPageFactory(parent=whoosh_site.organisatie, title="Zwemles"))
    assert not (index_dir / "MANIFEST.json").exists()  # no index of one offer took its place
    assert IndexTaak.objects.filter(object_id=nieuw.pk).exists()  # kept for the rebuild
    response, soup = page(client)
    # Both offers, from the database, with the notice that search works less well.
    assert soup.select_one("#resultaten-titel").get_text(strip=True) == "2 aanbod gevonden"
    assert response.context["zoek"].unavailable
    assert "Zoeken werkt even minder goed" in soup.select_one(".notice.notice-warn").get_text()


# -- finding 7: damage is detected, never fatal --------------------------------------------

SEARCH_WHILE_TRUNCATED = """
import os, sys, django
django.setup()
from pathlib import Path
from preventiezoeker.search import IndexDamaged, SearchQuery, register_source
from preventiezoeker.search.whoosh_backend import WhooshBackend
from tests.search.breken import largest_segment
from tests.search.proef import PROEF
register_source(PROEF)
path = Path(sys.argv[1])
backend = WhooshBackend(path, source=PROEF)
print(backend.search(SearchQuery(text="fiets")).total, flush=True)  # open, segments read
segment = largest_segment(path)
os.truncate(segment, segment.stat().st_size // 4)  # cut short under the open searcher
try:
    print("gevonden", backend.search(SearchQuery(text="wandelen zwemmen")).total)
except IndexDamaged as exc:
    print("IndexDamaged")
"""


def test_a_segment_cut_short_under_a_running_worker_is_reported_not_fatal(proef, tmp_path):
    path = tmp_path / "index"
    docs = [doc(i, f"Fietsles {i}", "Wandelen in de buurt", "Zwemmen " * 40) for i in range(300)]
    engine(path).rebuild(iter(docs))
    worker = subprocess.run(
        [sys.executable, "-c", SEARCH_WHILE_TRUNCATED, str(path)], cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "preventiezoeker.settings.test",
             "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    # With memory-mapped segments the worker died here of SIGBUS (returncode -7).
    assert worker.returncode == 0, worker.stderr
    assert worker.stdout.split() == ["300", "IndexDamaged"]


@pytest.mark.parametrize("how", DAMAGE)
def test_damage_is_detected_by_a_new_worker_and_by_check(built, how):
    assert total(engine(built)) == 4 and engine(built).check() is None
    damage_index(built, how)
    fresh = engine(built)
    with pytest.raises(IndexDamaged):
        fresh.check()
    with pytest.raises(IndexDamaged):
        fresh.search(SearchQuery(text="fietsen"))
    assert fresh.status()["ok"] is False
    # Nor is the damaged index written to: only a rebuild heals it.
    with pytest.raises(IndexDamaged):
        fresh.update([doc(9, "Nieuw")])
    fresh.rebuild(iter(CORPUS))
    assert total(fresh, "fietsen") == 1 and fresh.check() is None


def test_a_worker_with_the_index_open_notices_a_segment_cut_short(built):
    backend = engine(built)
    assert total(backend) == 4
    damage_index(built, "afgekapt")
    with pytest.raises(IndexDamaged):
        backend.search(SearchQuery())


@pytest.mark.parametrize("how", ["afgekapt", "ruis"])
def test_the_page_falls_back_to_the_database_on_a_damaged_index(
    whoosh_site, index_dir, client, settings, how
):
    break_index(settings, index_dir, how)
    response, soup = page(client, q="beweegcoach")
    assert response.context["zoek"].unavailable
    assert "Zoeken werkt even minder goed" in soup.select_one(".notice.notice-warn").get_text()
    assert [r.page.pk for r in response.context["zoek"].results] == [whoosh_site.offer.pk]


def test_updates_keep_the_index_verifiable(built):
    backend = engine(built)
    for n in range(12):  # enough commits for Whoosh to merge segments
        backend.update([doc(100 + n, f"Zwemles {n}")])
    backend.delete([1, 100])
    fresh = engine(built)
    assert fresh.check() is None
    assert total(fresh, "zwemles") == 11 and total(fresh) == 14


# -- finding 8: a held write lock fails a write in seconds ---------------------------------


def test_a_held_whoosh_write_lock_fails_the_update_quickly(built):
    held = open_dir(str(built)).lock("WRITELOCK")
    assert held.acquire()
    outcome = []

    def write():
        try:
            engine(built).update([doc(9, "Zwemles")])
        except Exception as exc:
            outcome.append(exc)

    writer = threading.Thread(target=write, daemon=True)
    try:
        writer.start()
        # Far below gunicorn's 30 s: the publish request answers and sync keeps the task.
        writer.join(timeout=whoosh_storage.WRITE_WAIT + 10)
        assert not writer.is_alive()
    finally:
        held.release()
    assert len(outcome) == 1 and isinstance(outcome[0], SearchUnavailable)
    assert not isinstance(outcome[0], IndexDamaged)  # busy, not broken: no rebuild
    engine(built).update([doc(9, "Zwemles")])
    assert total(engine(built), "zwemles") == 1


# -- finding 9: a failed rebuild leaves nothing behind -------------------------------------


def _full_disk_documents():
    yield from CORPUS[:2]
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("where", ["documents", "commit"])
def test_a_failed_rebuild_removes_its_folder_and_keeps_the_live_index(built, monkeypatch, where):
    dead = 4_194_400  # above any pid_max: no such process
    for stale in (f"index.nieuw-{dead}", f"index.oud-{dead + 1}"):
        (built.parent / stale).mkdir()
        (built.parent / stale / "MAIN_oud.seg").write_bytes(b"x" * 1000)
    documents = _full_disk_documents()
    if where == "commit":

        def full(*args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(whoosh_storage, "_record", full)
        documents = iter(CORPUS[:1])
    backend = engine(built)
    with pytest.raises(OSError):
        backend.rebuild(documents)
    assert sorted(p.name for p in built.parent.iterdir()) == ["index"]
    monkeypatch.undo()
    assert total(backend, "fietsen") == 1 and total(backend) == 4
    assert engine(built).check() is None


def test_a_failed_update_leaves_the_index_as_it_was(built, monkeypatch):
    backend = engine(built)
    assert total(backend) == 4

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(whoosh_storage, "_record", full)
    with pytest.raises(OSError):
        backend.update([doc(9, "Zwemles")])
    monkeypatch.undo()
    assert engine(built).check() is None and total(engine(built)) == 4
    backend.update([doc(9, "Zwemles")])  # Whoosh's own lock was let go
    assert total(backend, "zwemles") == 1


# -- finding 3: an unpublished offer's words are no longer suggested -----------------------


def test_words_of_an_unpublished_offer_are_no_longer_suggested(
    whoosh_site, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = publish(AanbodPageFactory(parent=whoosh_site.organisatie, title="Tabakoloog"))
    response, soup = page(client, q="tabakoloogg")
    assert response.context["zoek"].suggestion == "tabakoloog"
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).unpublish()
    response, soup = page(client, q="tabakoloogg")
    assert response.context["zoek"].suggestion is None
    assert soup.select(".suggestie") == []
    # While typing, the word is not offered either.
    assert response.context["zoek"].total == 0
    assert page(client, q="tabakol")[0].context["zoek"].total == 0
