""" "Klopt er iets niet?": reaches the owning partner and the coordinators; honeypot; rate limit."""

from django.core import mail
from django.test import TestCase

from doorverwijzing.ratelimit import LIMIETEN


def melden(client, page, ip="10.0.0.5", **data):
    data.setdefault("bericht", "Het adres is veranderd: nu Sleepstraat 10.")
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox sends after the commit
        return client.post(f"/doorverwijzing/correctie/{page.pk}/", data, REMOTE_ADDR=ip)


def test_every_offer_page_has_the_form(client, partner_a):
    html = client.get(partner_a.offer.url).content.decode()
    assert "<summary>Klopt er iets niet?</summary>" in html
    assert f'action="/doorverwijzing/correctie/{partner_a.offer.pk}/"' in html
    assert "<div hidden>" in html  # the honeypot, hidden from people and screen readers
    assert "Dan krijg je een e-mail als we het nagekeken hebben." in html  # what the address is for


def test_report_reaches_partner_and_coordinator(client, partner_a, partner_b, coordinator):
    response = melden(client, partner_a.offer, email="bewoner@example.org")
    assert response.status_code == 200
    assert "Bedankt! We stuurden je melding" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["coordinator@example.org", "partner-a@example.org"]
    assert message.reply_to == ["bewoner@example.org"]
    assert partner_a.offer.title in message.subject
    assert "Sleepstraat 10" in message.body
    assert f"http://testserver{partner_a.offer.url}" in message.body


def test_partner_without_accounts_gets_it_on_the_organisation_address(client, partner_a):
    partner_a.user.groups.clear()
    org = partner_a.organisatie
    org.email = "info@alfa.example"
    org.save_revision().publish()
    melden(client, partner_a.offer)
    assert mail.outbox[0].to == ["info@alfa.example"]


def test_validation(client, partner_a):
    response = melden(client, partner_a.offer, bericht="", email="geen-adres")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf kort wat er niet klopt." in html
    assert "Dit is geen geldig e-mailadres." in html
    assert mail.outbox == []


def test_honeypot(client, partner_a):
    response = melden(client, partner_a.offer, website="http://spam.example")
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    assert mail.outbox == []


def test_rate_limited_per_ip(client, partner_a):
    limiet, _ = LIMIETEN["correctie-ip"]
    for _ in range(limiet):
        assert melden(client, partner_a.offer).status_code == 200
    response = melden(client, partner_a.offer)
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert len(mail.outbox) == limiet
    assert melden(client, partner_a.offer, ip="10.0.0.6").status_code == 200


def test_behind_our_proxy_each_visitor_has_a_limit_of_their_own(client, partner_a, settings):
    """One address rule with the login limit: the address our proxy saw, not the proxy's."""
    settings.TRUSTED_PROXY_COUNT = 1
    limiet, _ = LIMIETEN["correctie-ip"]

    def via_proxy(bezoeker):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return client.post(
                f"/doorverwijzing/correctie/{partner_a.offer.pk}/",
                {"bericht": "Het uur klopt niet."},
                REMOTE_ADDR="10.9.9.9",
                HTTP_X_FORWARDED_FOR=f"1.2.3.4, {bezoeker}",  # the first entry is the client's
            )

    for _ in range(limiet):
        assert via_proxy("203.0.113.7").status_code == 200
    assert via_proxy("203.0.113.7").status_code == 429
    assert via_proxy("203.0.113.8").status_code == 200  # another visitor, same proxy


def test_unpublished_offer_cannot_be_reported(client, partner_a):
    partner_a.offer.unpublish()
    assert melden(client, partner_a.offer).status_code == 404


def test_rate_limited_per_address_too(client, partner_a):
    limiet, _ = LIMIETEN["correctie-adres"]
    for n in range(limiet):
        response = melden(client, partner_a.offer, ip=f"10.1.0.{n}", email="melder@example.org")
        assert response.status_code == 200
    response = melden(client, partner_a.offer, ip="10.1.1.1", email="MELDER@example.org")
    assert response.status_code == 429
    assert melden(client, partner_a.offer, ip="10.1.1.2").status_code == 200  # anonymous: IP only
