"""While an import holds the write lock (SQLite's one lock, a row on PostgreSQL), an editor's
save waits (20 s, 5 s) and, past the wait, gets a clear Dutch page (503): never a 500, and
nothing half-saved."""

import sqlite3

from django.db import OperationalError, connection, connections
from django.urls import reverse

import pytest

from aanbod.models import AanbodPage
from importeren.bezet import is_bezet
from tests.aanbod.test_workflow import edit_form_data, with_changes
from tests.importeren.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def houd_slot(page_id):
    """Another write transaction (an import being applied): SQLite's one write lock, or on
    PostgreSQL the lock on the offer's row. Returns the function that lets go."""
    if connection.vendor == "sqlite":
        pad = str(connection.settings_dict["NAME"])
        ander = sqlite3.connect(pad, timeout=5, isolation_level=None,
                                uri=pad.startswith("file:"))  # fmt: skip
        ander.execute("BEGIN IMMEDIATE")
        connection.close()  # reconnects with a short wait for the lock
        connection.settings_dict["OPTIONS"] = {**connection.settings_dict["OPTIONS"],
                                               "timeout": 0.5}  # fmt: skip

        def los():
            ander.execute("ROLLBACK")
            ander.close()
    else:
        ander = connections.create_connection("default")
        ander.set_autocommit(False)
        ander.cursor().execute("SELECT 1 FROM wagtailcore_page WHERE id = %s FOR UPDATE", [page_id])
        connection.cursor().execute("SET lock_timeout = 500")

        def los():
            ander.rollback()
            ander.close()
            connection.cursor().execute("RESET lock_timeout")

    return los


def test_a_save_during_a_held_lock_gets_a_clear_page_and_saves_nothing(partner_a):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    data = with_changes(edit_form_data(client, offer), title="Tijdens de import bewaard")
    data["action-submit"] = "1"
    los = houd_slot(offer.pk)
    try:
        response = client.post(reverse("wagtailadmin_pages:edit", args=[offer.pk]), data)
    finally:
        los()
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
