"""While an import holds SQLite's write lock, an editor's save waits (the connection's timeout,
20 s) and, past the wait, gets a clear Dutch page (503): never a 500, and nothing half-saved."""

import sqlite3
import threading

from django.db import OperationalError, connection
from django.urls import reverse

import pytest

from aanbod.models import AanbodPage
from importeren.bezet import is_bezet
from tests.aanbod.test_workflow import edit_form_data, with_changes
from tests.importeren.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sqlite_bestand():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock")  # PostgreSQL: test below
    return str(connection.settings_dict["NAME"])


def houd_slot(pad, seconden):
    """Another process's write transaction (an import being applied) for `seconden`."""
    ander = sqlite3.connect(
        pad, timeout=5, isolation_level=None, check_same_thread=False, uri=pad.startswith("file:")
    )
    ander.execute("BEGIN IMMEDIATE")
    klaar = threading.Event()

    def los():
        klaar.wait(seconden)
        ander.execute("ROLLBACK")
        ander.close()

    draad = threading.Thread(target=los)
    draad.start()
    return klaar, draad


def korte_wachttijd(seconden):
    connection.close()  # reconnects with the new timeout
    connection.settings_dict["OPTIONS"] = {**connection.settings_dict["OPTIONS"],
                                           "timeout": seconden}  # fmt: skip


def test_a_save_during_a_held_lock_gets_a_clear_page_and_saves_nothing(partner_a, sqlite_bestand):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    data = with_changes(edit_form_data(client, offer), title="Tijdens de import bewaard")
    data["action-submit"] = "1"
    korte_wachttijd(0.5)
    klaar, draad = houd_slot(sqlite_bestand, 30)
    try:
        response = client.post(reverse("wagtailadmin_pages:edit", args=[offer.pk]), data)
    finally:
        klaar.set()
        draad.join()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Even bezet" in html and "niet bewaard" in html and "over een minuut" in html
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.get_latest_revision_as_object().title != "Tijdens de import bewaard"


@pytest.mark.parametrize(
    ("melding", "bezet"),
    [
        ("database is locked", True),
        ("database table is locked", True),  # SQLite with a shared cache (the tests' database)
        ("canceling statement due to lock timeout", True),  # PostgreSQL's lock_timeout
        ("no such table: aanbod_aanbodpage", False),  # a real fault stays a 500
    ],
)
def test_only_a_held_lock_counts_as_busy(melding, bezet):
    assert is_bezet(OperationalError(melding)) is bezet
