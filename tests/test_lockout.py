"""Login guessing is limited per account and address (django-axes, settings/login.py); the
lock ends by itself after 15 minutes, and coordinators can lift it earlier."""

import re
from datetime import timedelta

from django.test import Client

import pytest
from axes.models import AccessAttempt

HIER, ELDERS = "198.51.100.7", "192.0.2.10"
MELDING = "Even geen aanmelden"


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def aanmelden(client, username, password, **meta):
    """Through the real login form, CSRF token included, as a browser would."""
    meta.setdefault("REMOTE_ADDR", HIER)
    token = _token(client.get("/admin/login/", **meta).content.decode())
    data = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    return client.post("/admin/login/", data, **meta)


def aangemeld(client):
    return client.get("/admin/").status_code == 200


def vergrendel(username, **meta):
    client = Client(enforce_csrf_checks=True)
    responses = [aanmelden(client, username, "fout", **meta) for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    return responses[-1]


def verschuif_pogingen(minuten):
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - minuten)


@pytest.fixture
def bezoeker():
    return Client(enforce_csrf_checks=True)


def test_five_wrong_passwords_lock_the_account_at_that_address(coordinator, bezoeker):
    locked = vergrendel("coordinator")
    html = locked.content.decode()
    assert MELDING in html
    assert "5 keer een verkeerd wachtwoord" in html and "over 15 minuten" in html
    assert "Vraag de coördinator om je account te ontgrendelen" in html

    # The right password does not help while locked.
    response = aanmelden(bezoeker, "coordinator", "wachtwoord")
    assert response.status_code == 429 and MELDING in response.content.decode()
    assert not aangemeld(bezoeker)


def test_the_real_user_elsewhere_still_logs_in(coordinator, bezoeker):
    vergrendel("coordinator")
    response = aanmelden(bezoeker, "coordinator", "wachtwoord", REMOTE_ADDR=ELDERS)
    assert response.status_code == 302
    assert aangemeld(bezoeker)


def test_the_lock_ends_by_itself_after_fifteen_minutes(coordinator, bezoeker):
    vergrendel("coordinator")
    verschuif_pogingen(timedelta(minutes=14))
    response = aanmelden(bezoeker, "coordinator", "wachtwoord")
    assert response.status_code == 429 and "over 1 minuut" in response.content.decode()
    verschuif_pogingen(timedelta(minutes=1, seconds=1))
    assert aanmelden(bezoeker, "coordinator", "wachtwoord").status_code == 302
    assert aangemeld(bezoeker)


def test_a_successful_login_starts_the_count_again(coordinator, bezoeker):
    for _ in range(4):
        aanmelden(bezoeker, "coordinator", "fout")
    assert aanmelden(bezoeker, "coordinator", "wachtwoord").status_code == 302
    bezoeker.logout()
    guesses = [aanmelden(bezoeker, "coordinator", "fout").status_code for _ in range(4)]
    assert guesses == [200, 200, 200, 200]


def test_behind_the_proxy_the_address_it_saw_counts(coordinator, settings, bezoeker):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # The guesser writes a fake address in front; the proxy appends the real one.
    vergrendel("coordinator", HTTP_X_FORWARDED_FOR=f"203.0.113.1, {HIER}", **proxy)
    other_fake = aanmelden(
        bezoeker, "coordinator", "wachtwoord", HTTP_X_FORWARDED_FOR=f"203.0.113.2, {HIER}", **proxy
    )
    assert other_fake.status_code == 429
    # Same proxy, another visitor: not locked out.
    real = aanmelden(bezoeker, "coordinator", "wachtwoord", HTTP_X_FORWARDED_FOR=ELDERS, **proxy)
    assert real.status_code == 302
    # A mangled header is no error page (PostgreSQL would refuse it as an address).
    bezoeker.logout()
    mangled = aanmelden(bezoeker, "partner-x", "fout", HTTP_X_FORWARDED_FOR="onbekend", **proxy)
    assert mangled.status_code == 200 and AccessAttempt.objects.filter(ip_address="10.0.0.1")


def test_a_coordinator_unlocks_and_the_partner_logs_in(coordinator, partner_a, bezoeker):
    vergrendel("partner-a")
    beheer = Client(enforce_csrf_checks=True)
    beheer.force_login(coordinator)
    assert "Aanmeldpogingen" in beheer.get("/admin/").content.decode()
    html = beheer.get("/admin/aanmeldpogingen/").content.decode()
    assert "partner-a" in html and HIER in html and "Ontgrendelen" in html

    data = {"username": "partner-a", "ip_address": HIER, "csrfmiddlewaretoken": _token(html)}
    response = beheer.post("/admin/aanmeldpogingen/", data, follow=True)
    html = response.content.decode()
    assert f"partner-a kan zich weer aanmelden vanaf {HIER}" in html
    assert "Er is nu niemand vergrendeld" in html

    assert aanmelden(bezoeker, "partner-a", "wachtwoord").status_code == 302
    assert aangemeld(bezoeker)


def test_a_partner_cannot_open_the_unlock_view(coordinator, partner_a):
    vergrendel("coordinator")
    partner = Client()
    partner.force_login(partner_a.user)
    assert "Aanmeldpogingen" not in partner.get("/admin/").content.decode()
    # Wagtail turns the refusal into a redirect to the dashboard.
    assert partner.get("/admin/aanmeldpogingen/").status_code == 302
    data = {"username": "coordinator", "ip_address": HIER}
    assert partner.post("/admin/aanmeldpogingen/", data).status_code == 302
    assert aanmelden(Client(), "coordinator", "wachtwoord").status_code == 429


def test_unlocking_needs_the_csrf_token(coordinator):
    vergrendel("partner-a")
    beheer = Client(enforce_csrf_checks=True)
    beheer.force_login(coordinator)
    data = {"username": "partner-a", "ip_address": HIER}
    assert beheer.post("/admin/aanmeldpogingen/", data).status_code == 403
    assert AccessAttempt.objects.filter(username="partner-a").exists()
