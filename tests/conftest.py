import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from aanbod.partners import maak_gebruiker, maak_organisatie
from home.inrichting import richt_site_in
from tests.aanbod.factories import AanbodPageFactory, publish

pytest_plugins = ["tests.redis_fixture"]  # the session-scoped `redis_url`, Redis per worker


def pytest_configure(config):
    from django.conf import settings

    if settings.configured:
        keep_files_to_this_process(settings)


# Modules whose tests share one costly module-scoped fixture (tests/test_two_servers.py starts
# PostgreSQL, Redis and two gunicorns once): under pytest-xdist they stay on one worker.
ONE_WORKER_MODULES = {"tests/test_two_servers.py"}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist
def pytest_xdist_make_scheduler(config, log):
    """Hand out single tests (the best balance), but each module of ONE_WORKER_MODULES whole.

    xdist's own --dist loadgroup would do this with xdist_group marks, but with pytest 9.2 it
    silently stops grouping (pytest-dev/pytest-xdist#1386). The largest unit goes out first.
    """
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneWorkerModules(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    return OneWorkerModules(config, log)


def keep_files_to_this_process(settings):
    """Every test process (one per pytest-xdist worker) keeps its files to itself.

    The test settings already give each process its own database, media, static and index
    directories; what can still point at one shared place is made per process here.
    """
    ratelimit = settings.CACHES.get("ratelimit", {})
    if ratelimit.get("BACKEND", "").endswith("FileBasedCache"):
        # Without REDIS_URL the rate limits count in files under var/: the developer's own.
        ratelimit["LOCATION"] = tempfile.mkdtemp(prefix="pz-ratelimit-")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and os.environ.get("PREVENTIEZOEKER_INDEX_DIR"):
        settings.SEARCH_INDEX_DIR = Path(os.environ["PREVENTIEZOEKER_INDEX_DIR"]) / worker


CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]  # fmt: skip


def _flushes(item):
    """Whether pytest-django empties the database after this test (a transactional test)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,))):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migrated data back as soon as a transactional test has flushed the database.

    Django restores it only when the *next* transactional test starts; a plain database test
    that a worker runs after a transactional one (pytest-xdist hands tests out one by one) would
    find no root page, no vocabularies, no seeded words.
    """
    yield
    if nextitem is None or not _flushes(item) or _flushes(nextitem):
        return
    from django.db import connections

    from pytest_django.plugin import blocking_manager_key

    sync_connection = getattr(connections._connections._storage, "default", None)
    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None) or getattr(
        sync_connection, "_test_serialized_contents", None
    )
    if not contents:
        return
    with item.config.stash[blocking_manager_key].unblock():
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="module", autouse=True)
def _serialized_rollback_under_playwright(request):
    """Make serialized_rollback work for browser tests when other tests ran first.

    Django keeps connections in a thread-local in sync code but in a context variable once an
    event loop runs in the thread, as Playwright's sync API does. The serialized copy of the
    migrated data hangs on the connection that set up the test database; browser tests would
    see a fresh connection without it and find an empty database after the first flush.
    """
    # Module scope: it must run before the per-test database set-up restores the copy.
    if request.node.get_closest_marker("browser") is None:
        return
    request.getfixturevalue("playwright")
    request.getfixturevalue("django_db_setup")
    from django.db import connections

    sync_connection = getattr(connections._connections._storage, "default", None)
    contents = getattr(sync_connection, "_test_serialized_contents", None)
    if contents is not None:
        connections["default"]._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Each test's database changes are rolled back, these per-process copies are not: with
    other neighbours (pytest-xdist hands tests out in another order) a test would start from
    the previous test's version numbers or vocabulary choices."""
    from aanbod import facetten
    from preventiezoeker import versies

    versies.vergeet()
    facetten.vergeet_keuzes()


@pytest.fixture
def index_dir(settings, tmp_path):
    """A fresh search index directory for this test only."""
    from preventiezoeker.search import reset_backend

    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    yield settings.SEARCH_INDEX_DIR
    reset_backend()


@pytest.fixture
def site_tree(db):
    home, index, coordinators = richt_site_in()
    return SimpleNamespace(home=home, index=index, coordinators=coordinators)


def _partner(site_tree, naam, slug, username):
    organisatie, group = maak_organisatie(naam, "wijkgezondheidscentrum", slug=slug)
    user = maak_gebruiker(username, f"{username}@example.org", group, wachtwoord="wachtwoord")
    offer = publish(AanbodPageFactory(parent=organisatie, title=f"Beweegcoach {naam}"))
    return SimpleNamespace(organisatie=organisatie, group=group, user=user, offer=offer)


@pytest.fixture
def partner_a(site_tree):
    return _partner(site_tree, "WGC Alfa", "wgc-alfa", "partner-a")


@pytest.fixture
def partner_b(site_tree):
    return _partner(site_tree, "WGC Beta", "wgc-beta", "partner-b")


@pytest.fixture
def coordinator(site_tree):
    return maak_gebruiker(
        "coordinator", "coordinator@example.org", site_tree.coordinators, wachtwoord="wachtwoord"
    )


@pytest.fixture(autouse=True)
def _empty_search_tables_after_transactional_tests(request, django_db_blocker):
    """Django's flush empties only its models' tables: the PostgreSQL engine's own tables
    (preventiezoeker/search/pg_backend.py) would carry one test's committed documents into the
    next."""
    yield
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    if not transactional and not (marker and marker.kwargs.get("transaction")):
        return
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_posting, search_term, search_document, search_state")


@pytest.fixture(autouse=True)
def _dutch_at_the_start_of_each_test():
    """A request to /fr/... leaves French active in the test's thread (LocaleMiddleware does not
    reset it), so the next test's `page.url` would carry /fr/: every test starts in Dutch."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
