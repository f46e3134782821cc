"""The index heals itself: a change whose index write failed after its commit is retried until
applied (by the next search or by cron), a damaged index is rebuilt once by one process while
visitors get the database's list, and the admin's rebuild runs outside the request."""

import threading
from datetime import timedelta

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from aanbod.models import AanbodPage
from preventiezoeker.search import SearchQuery, get_backend, heal, reset_backend, search
from preventiezoeker.search import sync as sync_module
from preventiezoeker.search.models import IndexTaak, ZoekindexHerbouw
from preventiezoeker.search.sync import rebuild

from .breken import break_index

NOTICE = "Zoeken werkt even minder goed"


@pytest.fixture
def healing(settings, monkeypatch):
    """Self-healing on as in production, background jobs inline (deterministic), and every
    search may look at the queue (no per-process pause between looks)."""
    settings.SEARCH_AUTO_HEAL = True
    settings.SEARCH_JOBS = "inline"
    monkeypatch.setattr(heal, "LOOK_EVERY", 0)
    monkeypatch.setattr(heal, "_next_look", {"queue": 0.0, "damage": 0.0})


@pytest.fixture
def indexed(index_dir, partner_a):
    rebuild()
    return partner_a


@pytest.fixture
def whoosh_engine(settings, index_dir):
    settings.SEARCH_BACKEND = "preventiezoeker.search.whoosh_backend.WhooshBackend"
    reset_backend()
    yield
    reset_backend()


class DiskFull:
    """The engine's writes fail while `broken` (disk full, index lock, killed writer)."""

    def __init__(self, monkeypatch):
        self.broken = True
        backend = get_backend()
        for name in ("update", "delete"):
            real = getattr(backend, name)
            monkeypatch.setattr(backend, name, self.wrap(real))

    def wrap(self, real):
        def write(*args, **kwargs):
            if self.broken:
                raise OSError("No space left on device")
            return real(*args, **kwargs)

        return write


def damaged(index_dir, how):
    """Where break_index() breaks the built index: "weg" points the site at a folder that
    is not there."""
    return index_dir.with_name("weg") if how == "weg" else index_dir


def in_index(text):
    """What the engine itself answers, without the heal hooks of search()."""
    return {hit.id for hit in get_backend().search(SearchQuery(text=text)).hits}


def age_queue(seconds=60):
    IndexTaak.objects.update(aangemaakt=timezone.now() - timedelta(seconds=seconds))


def unpublish_with_a_failing_write(offer, monkeypatch, django_capture_on_commit_callbacks):
    disk = DiskFull(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).unpublish()
    # The write failed after the commit: the offer is still findable, the change waits.
    assert offer.pk in in_index("beweegcoach")
    assert IndexTaak.objects.filter(object_id=offer.pk).exists()
    disk.broken = False  # the disk has room again; nobody edits anything
    return disk


def test_a_failed_update_is_applied_by_the_next_search(
    healing, indexed, client, monkeypatch, django_capture_on_commit_callbacks
):
    offer = indexed.offer
    unpublish_with_a_failing_write(offer, monkeypatch, django_capture_on_commit_callbacks)
    # A change younger than the grace period is left to its own writer.
    client.get("/aanbod/", {"q": "beweegcoach"})
    assert IndexTaak.objects.exists()
    age_queue()
    page = client.get("/aanbod/", {"q": "beweegcoach"}).content.decode()
    assert offer.title not in page
    assert offer.pk not in in_index("beweegcoach")
    assert not IndexTaak.objects.exists()


def test_the_cron_command_applies_a_failed_update_and_fails_while_it_cannot(
    indexed, monkeypatch, capsys, django_capture_on_commit_callbacks
):
    offer = indexed.offer
    disk = unpublish_with_a_failing_write(offer, monkeypatch, django_capture_on_commit_callbacks)
    disk.broken = True
    with pytest.raises(CommandError, match="1 wijzigingen wachten nog"):
        call_command("zoekindex", "--wachtrij")
    assert offer.pk in in_index("beweegcoach")
    disk.broken = False
    call_command("zoekindex", "--wachtrij")  # exit code 0: nothing left
    assert "1 wijzigingen verwerkt" in capsys.readouterr().out
    assert offer.pk not in in_index("beweegcoach")
    assert not IndexTaak.objects.exists()


def test_a_held_index_lock_at_unpublish_leaves_the_change_queued_until_a_search(
    healing, whoosh_engine, indexed, client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    offer = indexed.offer
    with get_backend().writer(timeout=0) as held:  # another process's long write
        assert held
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/admin/pages/{offer.pk}/unpublish/")
    assert response.status_code == 302
    assert not AanbodPage.objects.get(pk=offer.pk).live
    assert IndexTaak.objects.filter(object_id=offer.pk).exists()
    assert offer.pk in in_index("beweegcoach")
    age_queue()
    assert offer.title not in client.get("/aanbod/", {"q": "beweegcoach"}).content.decode()
    assert not IndexTaak.objects.exists()


class Rebuilds:
    """Counts rebuilds; `fail` makes the next ones raise as a full disk would."""

    def __init__(self, monkeypatch):
        self.count, self.fail = 0, 0
        real = sync_module.rebuild

        def counted(*args, **kwargs):
            self.count += 1
            if self.fail:
                self.fail -= 1
                raise OSError("Geen ruimte meer op de schijf")
            return real(*args, **kwargs)

        monkeypatch.setattr(sync_module, "rebuild", counted)


@pytest.mark.parametrize("how", ["corrupt", "weg"])
def test_a_damaged_index_answers_from_the_database_and_starts_one_rebuild(
    healing, indexed, client, settings, index_dir, monkeypatch, how,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    rebuilds = Rebuilds(monkeypatch)
    break_index(settings, damaged(index_dir, how), how)
    with django_capture_on_commit_callbacks(execute=True):
        for _visitor in range(3):
            page = client.get("/aanbod/")
            assert page.status_code == 200
            assert NOTICE in page.content.decode()
            assert indexed.offer.title in page.content.decode()
    assert rebuilds.count == 1
    herbouw = ZoekindexHerbouw.objects.get()
    assert (herbouw.status, herbouw.door, herbouw.gedaan) == ("klaar", "automatisch", 1)
    page = client.get("/aanbod/").content.decode()
    assert NOTICE not in page and indexed.offer.title in page


def test_new_damage_soon_after_a_good_rebuild_heals_without_waiting_a_minute(
    healing, indexed, client, settings, index_dir, monkeypatch,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    rebuilds = Rebuilds(monkeypatch)
    for round_ in (1, 2):
        break_index(settings, damaged(index_dir, "corrupt"), "corrupt")
        with django_capture_on_commit_callbacks(execute=True):
            assert NOTICE in client.get("/aanbod/").content.decode()
        assert rebuilds.count == round_
        assert NOTICE not in client.get("/aanbod/").content.decode()
        # The first rebuild ended 10 s ago: past the short pause after a success, far inside
        # the minute a failed one waits.
        ZoekindexHerbouw.objects.update(klaar=timezone.now() - timedelta(seconds=10))


def test_a_failed_rebuild_records_its_error_and_the_next_trigger_retries(
    healing, indexed, client, coordinator, settings, index_dir, monkeypatch,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    rebuilds = Rebuilds(monkeypatch)
    rebuilds.fail = 1
    break_index(settings, index_dir, "corrupt")
    with django_capture_on_commit_callbacks(execute=True):
        assert NOTICE in client.get("/aanbod/").content.decode()
    herbouw = ZoekindexHerbouw.objects.get()
    assert herbouw.status == "mislukt" and "Geen ruimte" in herbouw.fout
    with get_backend().writer(timeout=0) as free:  # the failed rebuild let go of the lock
        assert free
    client.force_login(coordinator)
    admin = client.get("/admin/zoekindex/").content.decode()
    assert "Mislukt" in admin and "Geen ruimte meer op de schijf" in admin
    assert 'http-equiv="refresh"' not in admin
    # Not every visitor restarts a failing rebuild: the next automatic try pauses a minute.
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/aanbod/")
    assert rebuilds.count == 1
    ZoekindexHerbouw.objects.update(klaar=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert NOTICE in client.get("/aanbod/").content.decode()
    assert rebuilds.count == 2
    assert ZoekindexHerbouw.objects.get().status == "klaar"
    assert NOTICE not in client.get("/aanbod/").content.decode()


def test_a_stale_rebuild_record_is_taken_over(indexed, client, coordinator):
    killed = heal.claim("automatisch")  # a worker that was killed mid-rebuild
    assert killed
    assert heal.claim("coordinator") is None  # it still beats: nobody else may start
    ZoekindexHerbouw.objects.update(
        hartslag=timezone.now() - timedelta(seconds=heal.STALE_AFTER + 1)
    )
    client.force_login(coordinator)
    assert "Vastgelopen" in client.get("/admin/zoekindex/").content.decode()
    response = client.post("/admin/zoekindex/", follow=True)
    assert "Herbouw gestart" in response.content.decode()
    herbouw = ZoekindexHerbouw.objects.get()
    assert (herbouw.status, herbouw.door) == ("klaar", "coordinator")
    # The old holder, had it only been slow, cannot overwrite the newer result.
    heal._finish(killed, ZoekindexHerbouw.MISLUKT, fout="te laat")
    assert ZoekindexHerbouw.objects.get().status == "klaar"


def test_with_the_index_lock_held_the_button_answers_at_once_in_dutch(
    whoosh_engine, indexed, client, coordinator
):
    client.force_login(coordinator)
    with get_backend().writer(timeout=0) as held:
        assert held
        response = client.post("/admin/zoekindex/")
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "De zoekindex wordt nu bijgewerkt door een ander proces" in page
    assert not ZoekindexHerbouw.objects.exists()  # nothing claimed, nothing started


def test_a_second_rebuild_is_refused_while_one_runs(indexed, client, coordinator):
    assert heal.claim("beheerscommando")
    client.force_login(coordinator)
    response = client.post("/admin/zoekindex/")
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Er loopt al een herbouw" in page and "door beheerscommando" in page
    assert ZoekindexHerbouw.objects.get().door == "beheerscommando"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_triggers_claim_one_rebuild():
    start = threading.Barrier(6)
    tokens = []

    def trigger():
        from django.db import connection

        try:
            start.wait()
            tokens.append(heal.claim("automatisch"))
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [t for t in tokens if t]
    assert len(winners) == 1
    assert ZoekindexHerbouw.objects.get().eigenaar == winners[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_button_returns_at_once_and_the_rebuild_finishes_in_a_thread(
    settings, index_dir, partner_a, coordinator, client, monkeypatch
):
    settings.SEARCH_JOBS = "thread"
    monkeypatch.setattr(heal, "BEAT_EVERY", 60)  # no heartbeat writes racing the test's reads
    started, go_on = threading.Event(), threading.Event()
    real = sync_module.rebuild
    seen = {}

    def held_up_rebuild(*args, **kwargs):
        from django.db import connections

        seen["connection"] = connection = connections["default"]  # this thread's own
        if connection.vendor == "postgresql":  # the request-level limit would kill a rebuild
            with connection.cursor() as cursor:
                cursor.execute("SHOW statement_timeout")
                seen["statement_timeout"] = cursor.fetchone()[0]
        started.set()
        assert go_on.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_module, "rebuild", held_up_rebuild)
    client.force_login(coordinator)
    response = client.post("/admin/zoekindex/")
    # The request is answered while the rebuild is still held up in its thread.
    assert response.status_code == 302
    assert started.wait(30)
    page = client.get(response.url).content.decode()
    assert "Herbouw gestart" in page
    assert "0 van 1 aanbod verwerkt" in page and "door coordinator" in page
    assert 'http-equiv="refresh"' in page
    [thread] = [t for t in threading.enumerate() if t.name == "zoekindex-herbouw"]
    go_on.set()
    thread.join(30)
    assert not thread.is_alive()
    if seen["connection"].vendor == "postgresql":  # Django never closes in-memory SQLite
        assert seen["connection"].connection is None  # the thread closed its own connection
        assert seen["statement_timeout"] == "0"
    page = client.get(response.url).content.decode()
    assert "In orde: 1 aanbod vindbaar" in page and "Laatst herbouwd" in page
    assert 'http-equiv="refresh"' not in page
    assert [h.id for h in search(SearchQuery()).hits] == [partner_a.offer.pk]


def test_a_write_that_finds_the_index_damaged_starts_a_rebuild_that_applies_it(
    healing, indexed, partner_b, settings, index_dir, django_capture_on_commit_callbacks
):
    break_index(settings, damaged(index_dir, "weg"), "weg")
    offer = indexed.offer
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).unpublish()
    assert ZoekindexHerbouw.objects.get().status == "klaar"
    assert offer.pk not in in_index("beweegcoach")
    assert not IndexTaak.objects.exists()
    assert get_backend().status()["documents"] == 1  # partner B's offer


def test_the_cron_command_rebuilds_a_damaged_index_and_applies_the_queue(
    indexed, partner_b, settings, index_dir, capsys, django_capture_on_commit_callbacks
):
    break_index(settings, damaged(index_dir, "corrupt"), "corrupt")
    offer = indexed.offer
    with django_capture_on_commit_callbacks(execute=True):
        AanbodPage.objects.get(pk=offer.pk).unpublish()
    call_command("zoekindex", "--wachtrij")  # exit code 0
    assert "Zoekindex beschadigd" in capsys.readouterr().out
    assert get_backend().status() == {"ok": True, "documents": 1, "detail": ""}  # B's offer
    assert offer.pk not in in_index("beweegcoach")
    assert not IndexTaak.objects.exists()
    assert ZoekindexHerbouw.objects.get().door == "beheerscommando"
