"""The "Klopt nog" link: opening it changes nothing, the button confirms once, and every other
use (tampered, expired, reused, another offer, a removed offer) gets a clear page and changes
nothing."""

import datetime
import re

from django.core import signing
from django.test import Client
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from aanbod.actualiteit import LOG_ACTION
from aanbod.models import AanbodPage
from nakijken.links import SALT, token
from nakijken.models import Nakijkverzoek
from nakijken.ronde import ronde
from preventiezoeker.outbox.models import OutgoingMail

from .helpers import maanden_geleden, nagekeken

OUD = maanden_geleden(7)


@pytest.fixture
def verzoek(partner_a, partner_b):
    nagekeken(partner_a.offer, OUD)
    nagekeken(partner_b.offer, OUD)
    ronde(timezone.localdate())
    return Nakijkverzoek.objects.get(aanbod=partner_a.offer)


def url(value):
    return f"/nakijken/{value}/"


def datum(page):
    return AanbodPage.objects.get(pk=page.pk).laatst_nagekeken


def test_the_mailed_link_opens_a_question_and_the_button_confirms(
    client, verzoek, partner_a, partner_b
):
    mail = OutgoingMail.objects.get(to=["partner-a@example.org"])
    link = re.search(r"Klopt nog: \S+(/nakijken/\S+/)", mail.body).group(1)

    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beweegcoach WGC Alfa" in html
    assert "Ja, dit aanbod klopt nog" in html
    assert f"/admin/pages/{partner_a.offer.pk}/edit/" in html  # "Aanpassen"
    assert datum(partner_a.offer) == OUD  # opening (a mail scanner) changes nothing
    assert response["Cache-Control"].startswith("max-age=0")

    response = client.post(link)
    assert response.status_code == 200
    assert "Bedankt!" in response.content.decode()
    assert datum(partner_a.offer) == timezone.localdate()
    verzoek.refresh_from_db()
    assert verzoek.bevestigd_op is not None
    entry = PageLogEntry.objects.get(page=partner_a.offer, action=LOG_ACTION)
    assert entry.data["bron"] == "link in mail" and entry.user is None
    assert datum(partner_b.offer) == OUD  # B's offer was not touched
    # The offer page shows the new date.
    page = client.get(partner_a.offer.url).content.decode()
    assert "Laatst nagekeken op" in page and "Mogelijk niet meer actueel" not in page


def test_the_link_works_once(client, verzoek, partner_a):
    assert client.post(url(token(verzoek))).status_code == 200
    for method in (client.get, client.post):
        response = method(url(token(verzoek)))
        assert response.status_code == 409
        assert "Deze link is al gebruikt" in response.content.decode()
    assert PageLogEntry.objects.filter(page=partner_a.offer, action=LOG_ACTION).count() == 1


def tampered(verzoek):
    good = token(verzoek)
    return [
        good[:-1] + ("A" if good[-1] != "A" else "B"),  # signature changed
        good[:10],  # truncated
        "x" * 5000,  # garbage, long
        "%00%ff",
        # A well-formed payload for B's offer, signed with another key.
        signing.Signer(key="ander", salt=SALT).sign_object({"v": verzoek.pk, "a": 1}),
    ]


@pytest.mark.parametrize("index", range(5))
def test_tampered_links_change_nothing(client, verzoek, partner_a, index):
    value = tampered(verzoek)[index]
    for method in (client.get, client.post):
        response = method(url(value))
        assert response.status_code == 400
        html = response.content.decode()
        assert "Beweegcoach" not in html  # names no offer
        assert "Deze link werkt niet" in html
    assert datum(partner_a.offer) == OUD
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_a_link_only_works_for_its_own_offer(client, verzoek, partner_a, partner_b):
    """A correctly signed token whose offer does not match its request (as if one could swap
    the offer id) is refused: the request id and offer id are signed together."""
    verzoek_b = Nakijkverzoek.objects.get(aanbod=partner_b.offer)
    mixed = signing.Signer(salt=SALT).sign_object({"v": verzoek.pk, "a": partner_b.offer.pk})
    response = Client().post(url(mixed))
    assert response.status_code == 404
    assert datum(partner_a.offer) == OUD and datum(partner_b.offer) == OUD
    # A's link confirms A's offer only.
    client.post(url(token(verzoek)))
    assert datum(partner_a.offer) == timezone.localdate()
    assert datum(partner_b.offer) == OUD
    verzoek_b.refresh_from_db()
    assert verzoek_b.bevestigd_op is None


def test_an_expired_link_changes_nothing(client, verzoek, partner_a):
    Nakijkverzoek.objects.filter(pk=verzoek.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1)
    )
    for method in (client.get, client.post):
        response = method(url(token(verzoek)))
        assert response.status_code == 410
        assert "Deze link is verlopen" in response.content.decode()
    assert datum(partner_a.offer) == OUD


@pytest.mark.parametrize("hoe", ["unpublished", "deleted", "expired"])
def test_a_link_for_an_offer_no_longer_online(client, verzoek, partner_a, hoe):
    offer = partner_a.offer
    if hoe == "unpublished":
        offer.unpublish()
    elif hoe == "deleted":
        offer.delete()
    else:
        AanbodPage.objects.filter(pk=offer.pk).update(
            einddatum=timezone.localdate() - datetime.timedelta(days=1)
        )
    for method in (client.get, client.post):
        response = method(url(token(verzoek)))
        assert response.status_code == 404
        html = response.content.decode()
        assert "Dit aanbod staat niet meer online" in html
        assert "Beweegcoach" not in html
    if hoe != "deleted":
        assert datum(offer) == OUD
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_a_request_closed_because_checked_meanwhile(client, verzoek, partner_a):
    nagekeken(partner_a.offer, timezone.localdate() - datetime.timedelta(days=2))
    ronde(timezone.localdate())
    response = client.post(url(token(verzoek)))
    assert response.status_code == 410
    assert "intussen al nagekeken" in response.content.decode()
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_the_button_needs_the_forms_csrf_token(verzoek, partner_a):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url(token(verzoek))).status_code == 403
    assert datum(partner_a.offer) == OUD
    page = client.get(url(token(verzoek)))
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    response = client.post(url(token(verzoek)), {"csrfmiddlewaretoken": csrf.group(1)})
    assert response.status_code == 200
    assert datum(partner_a.offer) == timezone.localdate()


def test_other_methods_are_refused(client, verzoek, partner_a):
    assert client.put(url(token(verzoek))).status_code == 405
    assert client.delete(url(token(verzoek))).status_code == 405
    assert datum(partner_a.offer) == OUD
