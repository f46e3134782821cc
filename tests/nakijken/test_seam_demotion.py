"""The seam's Demotion, on a source that is not an offer: documents past the cutoff come after
all others in relevance and in every order, on both engines alike."""

import dataclasses
import datetime

from django.db import connection

import pytest

from preventiezoeker.search import Demotion, SearchQuery, register_source
from preventiezoeker.search.pg_backend import PostgresBackend
from preventiezoeker.search.sources import get_source, unregister_source
from preventiezoeker.search.whoosh_backend import WhooshBackend
from tests.search.proef import PROEF, doc

VANDAAG = datetime.date(2026, 12, 1)
ZAKT = dataclasses.replace(
    PROEF,
    name="proef-zakt",
    demote=Demotion("gecontroleerd", lambda today: today - datetime.timedelta(days=365)),
)


def whoosh(path):
    return WhooshBackend(path, source=get_source(ZAKT.name))


def postgres(path):
    return PostgresBackend(source=get_source(ZAKT.name), using="default", name=f"zakt-{path.name}")


ENGINES = [whoosh, postgres] if connection.vendor == "postgresql" else [whoosh]

CORPUS = [
    doc(1, "Wandelen wandelen wandelen", gecontroleerd="2024-01-01"),  # stale, best match
    doc(2, "Wandelen in de buurt", gecontroleerd="2026-11-01"),
    doc(3, "Fietsen", "ook wandelen", gecontroleerd="2026-06-01"),
    doc(4, "Aerobic", gecontroleerd="2025-01-01"),  # stale, no match
    doc(5, "Zwemmen", "wandelen na het zwemmen"),  # never checked: not demoted
]


@pytest.fixture(params=ENGINES, ids=lambda f: f.__name__)
def engine(request, db, tmp_path, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: VANDAAG)
    register_source(ZAKT)
    backend = request.param(tmp_path / "index")
    backend.rebuild(iter(CORPUS))
    yield backend
    unregister_source(ZAKT.name)


def pks(backend, **query):
    return [hit.id for hit in backend.search(SearchQuery(**query)).hits]


def test_relevance_puts_stale_documents_last(engine):
    found = pks(engine, text="wandelen")
    assert set(found) == {1, 2, 3, 5}
    assert found[-1] == 1


def test_every_order_puts_stale_documents_last(engine):
    assert pks(engine, sort="titel") == [3, 2, 5, 4, 1]  # A-Z, then the stale ones A-Z
    assert pks(engine, sort="gecontroleerd") == [2, 3, 5, 4, 1]


def test_paging_never_lets_a_stale_document_jump_ahead(engine):
    pages = [pks(engine, text="wandelen", per_page=1, page=n) for n in (1, 2, 3, 4)]
    assert [p[0] for p in pages][-1] == 1
    assert sorted(p[0] for p in pages) == [1, 2, 3, 5]


def test_totals_and_facets_are_unchanged(engine):
    result = engine.search(SearchQuery(text="wandelen"))
    assert result.total == 4
