"""Applying in a real background thread (as in production): the request answers at once, the
thread commits with its own connection and records the outcome."""

import threading

from django.core.cache import caches

import pytest

from aanbod.models import AanbodPage
from importeren.toepassen import voortgang_sleutel
from tests.importeren.conftest import client_for, csv_bestand, opladen, rij, taak_van, toepassen

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_apply_runs_in_a_thread_and_the_progress_page_follows(partner_a, settings):
    settings.IMPORT_VERWERKING = "thread"
    client = client_for(partner_a.user)
    taak = taak_van(opladen(client, csv_bestand([rij(f"Op de achtergrond {i}") for i in range(3)])))
    response = toepassen(client, taak)
    assert response.status_code == 302
    for thread in threading.enumerate():
        if thread.name == f"import-{taak.pk}":
            thread.join(timeout=120)
    taak.refresh_from_db()
    assert taak.status == "klaar", taak.melding
    assert AanbodPage.objects.filter(title__startswith="Op de achtergrond").count() == 3
    assert caches[settings.IMPORT_VOORTGANG_CACHE].get(voortgang_sleutel(taak.pk)) is None
    html = client.get(response["Location"]).content.decode()
    assert "Toegepast." in html and "<noscript>" not in html
