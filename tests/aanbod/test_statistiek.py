"""Search statistics (aanbod/statistiek.py): a search never waits for its count to be written,
and a flood of unique searches can't grow the table without bound (issue 11, finding 10)."""

import io
import sqlite3
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connections
from django.utils import timezone

import pytest

from aanbod.models import Thema, ZoekStatistiek
from aanbod.statistiek import OVERIGE
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

URL = "/aanbod/"


@pytest.fixture
def fietsles(site_tree, index_dir):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    page = AanbodPageFactory(
        parent=org, title="Fietsles voor volwassenen", themas=[Thema.objects.get(slug="beweging")]
    )
    page = publish(page)
    rebuild()
    return page


def gezocht(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return response.content.decode()


@contextmanager
def slot(vrijgeven, na=3.0):
    """A lock another process holds, released when the block ends or after `na` seconds.

    A search that waited for it would get its count in late; one that does not wait drops it.
    """
    klaar = threading.Lock()

    def een_keer():
        if klaar.acquire(blocking=False):
            vrijgeven()

    timer = threading.Timer(na, een_keer)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        een_keer()


def telling(woorden):
    return ZoekStatistiek.objects.filter(woorden=woorden).values_list("aantal", flat=True).first()


ENGINE = settings.DATABASES["default"]["ENGINE"]
op_sqlite = pytest.mark.skipif(not ENGINE.endswith("sqlite3"), reason="SQLite only")
op_postgresql = pytest.mark.skipif(
    not ENGINE.endswith("postgresql"), reason="PostgreSQL only (DATABASE_URL)"
)
# Committed data (another connection must see it); the migrated pages come back afterwards.
transactioneel = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sqlite_bestand(tmp_path):
    """The test database copied to a file, and the default connection pointed at that file.

    The test database lives in memory, where a second connection can't hold SQLite's write
    lock the way another process does on a real database file.
    """
    original = connections["default"]
    path = tmp_path / "db.sqlite3"
    original.ensure_connection()
    kopie = sqlite3.connect(path)
    original.connection.backup(kopie)
    kopie.close()
    bestand = type(original)({**original.settings_dict, "NAME": str(path)}, alias="default")
    connections["default"] = bestand
    try:
        bestand.ensure_connection()  # WAL, as in production (settings: SQLITE_OPTIONS)
        yield path
    finally:
        bestand.close()
        connections["default"] = original


@op_sqlite
@transactioneel
def test_zoeken_wacht_niet_op_een_schrijfslot_van_een_ander_proces(
    sqlite_bestand, fietsles, client
):
    gezocht(client, "wandelen")  # a site in use: its settings row exists (Wagtail makes it)
    ander = sqlite3.connect(sqlite_bestand, isolation_level=None, check_same_thread=False)
    ander.execute("BEGIN IMMEDIATE")  # another process writing: SQLite's one write lock
    with slot(lambda: ander.execute("ROLLBACK")):
        html = gezocht(client, "fietsles")
    ander.close()
    assert "Fietsles voor volwassenen" in html
    assert telling("fietsles") is None, "dropped, not waited for"

    gezocht(client, "fietsles")
    gezocht(client, "fietsles")
    assert telling("fietsles") == 2, "counted again once the lock is gone"


@op_postgresql
@transactioneel
def test_pg_zoeken_wacht_niet_op_een_tabelslot(fietsles, client):
    import psycopg

    params = connections["default"].get_connection_params()
    ander = psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})
    ander.execute(f"LOCK TABLE {ZoekStatistiek._meta.db_table} IN ACCESS EXCLUSIVE MODE")
    with slot(ander.rollback):
        html = gezocht(client, "fietsles")
    ander.close()
    assert "Fietsles voor volwassenen" in html
    assert telling("fietsles") is None, "dropped, not waited for"
    gezocht(client, "fietsles")
    assert telling("fietsles") == 1, "counted again once the lock is gone"


def test_per_dag_hoogstens_het_maximum_aan_verschillende_zoekopdrachten(fietsles, client, settings):
    settings.ZOEKSTATISTIEK_PER_DAG = 5
    gezocht(client, "fietsles")  # already counted before the day is full: still counted after
    for n in range(5 + 50):
        gezocht(client, f"woord{n}")
    gezocht(client, "fietsles")

    vandaag = ZoekStatistiek.objects.filter(dag=timezone.localdate())
    assert vandaag.count() == 5 + 1
    overige = vandaag.get(woorden=OVERIGE)
    assert overige.aantal == 51, "the searches past the bound are still counted, together"
    assert overige.zonder_resultaat == 51
    assert telling("fietsles") == 2


def test_de_coordinator_ziet_de_overige_zoekopdrachten_in_de_zoekstatistiek(
    fietsles, client, coordinator, settings
):
    settings.ZOEKSTATISTIEK_PER_DAG = 1
    gezocht(client, "fietsles")
    gezocht(client, "looptraining")
    client.force_login(coordinator)
    response = client.get("/admin/zoekstatistiek/")
    assert response.status_code == 200
    assert OVERIGE in response.content.decode()


def wsgi_get(path, query=""):
    """A request the way gunicorn hands it over: Django's test client skips the connection
    check at the start of a request (close_old_connections), which is what is tested here."""
    from django.core.handlers.wsgi import WSGIHandler

    statussen = []
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(), "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO(),
    }  # fmt: skip
    response = WSGIHandler()(environ, lambda status, headers: statussen.append(status))
    body = b"".join(response)
    response.close()
    return int(statussen[0].split()[0]), body.decode()


@op_postgresql
@transactioneel
def test_pg_na_een_verbroken_verbinding_geen_foutpagina(fietsles):
    import psycopg

    connection = connections["default"]
    assert wsgi_get(URL, "q=fietsles")[0] == 200
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "20s", "no statement outlives a gunicorn worker (30 s)"
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "5s"
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(
        **{k: v for k, v in params.items() if k != "cursor_factory"}, autocommit=True
    ) as beheer:  # as a PostgreSQL restart or a failover does
        assert beheer.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]

    status, html = wsgi_get(URL, "q=fietsles")
    assert status == 200
    assert "Fietsles voor volwassenen" in html
