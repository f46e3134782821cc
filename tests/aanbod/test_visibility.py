"""Drafts, unpublished and expired offers never reach a public page."""

import datetime

import pytest

from tests.aanbod.factories import AanbodPageFactory, publish

PUBLIC_LISTS = ["/", "/aanbod/"]


@pytest.fixture
def hidden_offers(partner_a):
    parent = partner_a.organisatie
    draft = AanbodPageFactory(parent=parent, title="Geheim concept", live=False)
    unpublished = publish(AanbodPageFactory(parent=parent, title="Ingetrokken aanbod"))
    unpublished.unpublish()
    expired = publish(
        AanbodPageFactory(
            parent=parent, title="Verlopen aanbod", einddatum=datetime.date(2021, 12, 31)
        )
    )
    return {"draft": draft, "unpublished": unpublished, "expired": expired}


def public_urls(partner_a):
    return [*PUBLIC_LISTS, partner_a.organisatie.url]


@pytest.mark.parametrize("kind", ["draft", "unpublished", "expired"])
def test_hidden_offer_is_absent_from_every_public_list(client, partner_a, hidden_offers, kind):
    offer = hidden_offers[kind]
    for url in public_urls(partner_a):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert offer.title not in html, f"{kind} '{offer.title}' leaks on {url}"
        assert partner_a.offer.title in html, f"the live offer should be listed on {url}"


@pytest.mark.parametrize("kind", ["draft", "unpublished", "expired"])
def test_hidden_offer_page_is_404(client, partner_a, hidden_offers, kind):
    offer = hidden_offers[kind]
    response = client.get(f"{partner_a.organisatie.url}{offer.slug}/")
    assert response.status_code == 404
    assert offer.title not in response.content.decode()


def test_unpublished_changes_of_a_live_offer_stay_private(client, partner_a):
    offer = partner_a.offer
    offer.title = "Nieuwe titel nog niet goedgekeurd"
    offer.in_het_kort = "Deze tekst is nog een concept."
    offer.save_revision()
    html = client.get(offer.url).content.decode()
    assert "Beweegcoach WGC Alfa" in html
    assert "nog niet goedgekeurd" not in html
    assert "nog een concept" not in html


def test_expired_offer_is_not_counted_on_the_home_page(client, partner_a, hidden_offers):
    from aanbod.models import Thema

    beweging = Thema.objects.get(slug="beweging")
    response = client.get("/")
    thema = next(t for t in response.context["themas"] if t.pk == beweging.pk)
    # Only partner A's live offer counts; the hidden ones (same theme) do not.
    assert thema.aantal == 1


def test_escaping_of_partner_text(client, partner_a):
    offer = partner_a.offer
    offer.title = "<script>alert('x')</script> Bewegen"
    offer.in_het_kort = '"><img src=x onerror=alert(1)>'
    publish(offer)
    html = client.get(offer.url).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
