"""The demo command builds a realistic dataset, and every public page of it renders."""

import re

from django.core.management import call_command

from wagtail.models import Page

import pytest

from aanbod.models import AanbodPage, OrganisatiePage, Thema, Wijk

PHONE_THAT_CANNOT_EXIST = re.compile(r"^09 0\d\d \d\d \d\d$")


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_every_public_page_renders(client, demo):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() > 130
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert b"Voorbeeldgegevens" in response.content, page.url


def assert_dataset_is_broad_enough():
    offers = AanbodPage.objects.zichtbaar()
    assert offers.count() >= 60
    assert OrganisatiePage.objects.live().count() >= 20
    assert not Thema.objects.exclude(aanbod__in=offers).exists(), "every theme has an offer"
    wijken_used = Wijk.objects.filter(aanbod__in=offers).distinct().count()
    assert wijken_used >= 20
    assert offers.filter(stadsbreed=True).exists()
    assert offers.filter(talen__slug="ar").exists() and offers.filter(talen__slug="tr").exists()


def assert_invented_contacts_cannot_reach_real_people():
    for org in OrganisatiePage.objects.all():
        assert not org.email or org.email.endswith("example.org"), org.email
        assert not org.website or ".example.org" in org.website, org.website
        assert not org.telefoon or PHONE_THAT_CANNOT_EXIST.match(org.telefoon), org.telefoon
    for offer in AanbodPage.objects.all():
        assert not offer.inschrijving_email or offer.inschrijving_email.endswith("example.org")
        assert not offer.inschrijving_link or ".example.org" in offer.inschrijving_link
        tel = offer.inschrijving_telefoon
        assert not tel or PHONE_THAT_CANNOT_EXIST.match(tel), tel


def test_demo_dataset(demo):
    """One load, several promises (loading takes ~15 s, so it is shared)."""
    assert_dataset_is_broad_enough()
    assert_invented_contacts_cannot_reach_real_people()
    assert_idempotent_with_logins()


def assert_idempotent_with_logins():
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    # Login guessing limits (django-axes) need the request a login form passes.
    request = RequestFactory().post("/admin/login/")
    before = (Page.objects.count(), AanbodPage.objects.count())
    call_command("demo", verbosity=0)
    assert (Page.objects.count(), AanbodPage.objects.count()) == before
    assert authenticate(request, username="coordinator", password="demo-coordinator")
    partner = authenticate(request, username="partner", password="demo-partner")
    assert partner and partner.groups.get().name == "Partner: Wijkgezondheidscentrum Rabot"
    assert authenticate(request, username="admin", password="demo-admin").is_superuser


def test_synthetic_offers_for_benchmarks(site_tree):
    call_command("synthetisch_aanbod", "15", verbosity=0)
    assert AanbodPage.objects.zichtbaar().count() == 15
