"""Faults of the PostgreSQL engine: a lock held on its tables never hangs a search or a publish,
and nothing is lost. (Whoosh's own faults are in test_sync.py and test_admin.py.)"""

import time

from django.db import connection

import psycopg
import pytest

from aanbod.models import AanbodPage
from preventiezoeker.search import SearchQuery, get_backend, pg_backend, reset_backend, search
from preventiezoeker.search.models import IndexTaak
from preventiezoeker.search.sync import flush, rebuild
from tests.aanbod.factories import AanbodPageFactory, publish

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the PostgreSQL engine runs on PostgreSQL only"
    ),
    # Committed data: another session holds the locks. Wagtail's root page survives the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
FALLBACK = "Zoeken werkt even minder goed"


@pytest.fixture
def committed(partner_a, settings):
    settings.SEARCH_BACKEND = "preventiezoeker.search.pg_backend.PostgresBackend"
    reset_backend()
    rebuild()
    yield partner_a
    reset_backend()


@pytest.fixture
def locked_tables():
    """Another session holds an exclusive lock on the search tables until the test ends."""
    params = connection.get_connection_params()
    other = psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})
    other.execute("LOCK TABLE search_document, search_posting IN ACCESS EXCLUSIVE MODE")
    yield other
    other.rollback()
    other.close()


@pytest.fixture
def short_timeouts(monkeypatch):
    monkeypatch.setattr(pg_backend, "STATEMENT_TIMEOUT_MS", 300)
    monkeypatch.setattr(pg_backend, "WRITE_LOCK_TIMEOUT_MS", 300)


def test_a_locked_search_table_gives_the_database_list_within_the_timeout(
    committed, locked_tables, short_timeouts, client
):
    for url in ("/aanbod/?q=beweegcoach", "/aanbod/"):
        started = time.monotonic()
        response = client.get(url)
        assert time.monotonic() - started < 3
        assert response.status_code == 200
        html = response.content.decode()
        assert FALLBACK in html
        assert committed.offer.title in html


def test_a_publish_while_the_tables_are_locked_is_saved_and_applied_later(
    committed, short_timeouts
):
    with psycopg.connect(
        **{k: v for k, v in connection.get_connection_params().items() if k != "cursor_factory"}
    ) as other:
        other.execute("LOCK TABLE search_document, search_posting IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        offer = publish(AanbodPageFactory(parent=committed.organisatie, title="Zwemles Tai Chi"))
        assert time.monotonic() - started < 5
        assert AanbodPage.objects.get(pk=offer.pk).live  # the change itself is whole
        assert IndexTaak.objects.filter(object_id=offer.pk).exists()  # the index change waits
        other.rollback()
    assert flush(timeout=5) >= 1
    assert [hit.id for hit in search(SearchQuery(text="zwemles")).hits] == [offer.pk]
    assert not IndexTaak.objects.exists()


def test_a_publish_is_in_the_tables_when_its_transaction_commits(committed):
    offer = publish(AanbodPageFactory(parent=committed.organisatie, title="Kickboksen"))
    # No queue, no flush after commit: the rows were written in the publish's transaction.
    assert not IndexTaak.objects.exists()
    assert [hit.id for hit in search(SearchQuery(text="kickboksen")).hits] == [offer.pk]
    AanbodPage.objects.get(pk=offer.pk).unpublish()
    assert search(SearchQuery(text="kickboksen")).total == 0
    assert get_backend().status()["documents"] == 1
