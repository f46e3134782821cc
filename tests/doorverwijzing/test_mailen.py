"""Mailing a selection: a checked address, not stored, rate-limited per address and per IP with
a polite answer."""

from django.apps import apps
from django.core import mail
from django.test import TestCase

import pytest

from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling
from doorverwijzing.ratelimit import LIMIETEN


@pytest.fixture
def met_selectie(client, partner_a, partner_b):
    for page in (partner_a.offer, partner_b.offer):
        client.post("/selectie/toevoegen/", {"aanbod": page.pk})
    return client


def mailen(client, email, ip="10.0.0.1"):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox sends after the commit
        return client.post("/selectie/mailen/", {"email": email}, REMOTE_ADDR=ip)


def test_mail_contains_the_offers_and_links(met_selectie, partner_a, partner_b):
    response = mailen(met_selectie, "hulpverlener@example.org")
    assert response.status_code == 302 and response["Location"] == "/selectie/#mailen"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hulpverlener@example.org"]
    assert message.subject == "Aanbod uit de Preventiezoeker Gent"
    body = message.body
    assert f"1. {partner_a.offer.title}" in body and f"2. {partner_b.offer.title}" in body
    assert f"http://testserver{partner_a.offer.url}" in body
    ids = f"{partner_a.offer.pk},{partner_b.offer.pk}"
    assert f"http://testserver/selectie/?ids={ids}" in body
    assert f"http://testserver/selectie/fiche/?ids={ids}" in body
    assert "We bewaren het niet" in body
    html = met_selectie.get("/selectie/").content.decode()
    assert "We stuurden je selectie naar hulpverlener@example.org" in html
    assert Telling.objects.filter(soort=Soort.GEMAILD).count() == 2


def test_the_address_is_stored_nowhere(met_selectie, django_db_blocker):
    from django.db import connection

    mailen(met_selectie, "niet-bewaren@example.org")
    with connection.cursor() as cursor:
        # The outbox too: a mailed selection is deleted from it once sent.
        for app in ("doorverwijzing", "outbox"):
            for model in apps.get_app_config(app).get_models():
                cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
                assert "niet-bewaren" not in repr(cursor.fetchall())


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Vul een e-mailadres in."),
        ("geen-adres", "Dit is geen geldig e-mailadres."),
        ("a@b", "Dit is geen geldig e-mailadres."),
    ],
)
def test_invalid_address_gets_a_clear_dutch_message(met_selectie, email, message):
    response = mailen(met_selectie, email)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'aria-invalid="true"' in html
    assert mail.outbox == []


def test_empty_selection_sends_nothing(client, site_tree):
    assert mailen(client, "a@example.org")["Location"] == "/selectie/"
    assert mail.outbox == []


def test_rate_limit_per_address_answers_politely(met_selectie):
    limiet, _ = LIMIETEN["mail-adres"]
    for n in range(limiet):
        assert mailen(met_selectie, "Zelfde@Example.org", ip=f"10.0.1.{n}").status_code == 302
    response = mailen(met_selectie, "zelfde@example.org", ip="10.0.2.1")
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert len(mail.outbox) == limiet
    # Another address still works.
    assert mailen(met_selectie, "ander@example.org", ip="10.0.2.2").status_code == 302


def test_rate_limit_per_ip(met_selectie):
    limiet, _ = LIMIETEN["mail-ip"]
    for n in range(limiet):
        assert mailen(met_selectie, f"a{n}@example.org", ip="10.9.9.9").status_code == 302
    response = mailen(met_selectie, "nieuw@example.org", ip="10.9.9.9")
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert mailen(met_selectie, "nieuw@example.org", ip="10.9.9.10").status_code == 302
