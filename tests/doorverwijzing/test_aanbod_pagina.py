"""The offer page answers a referral's questions, each block only when it has something to say,
and carries the referral actions."""

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie
from tests.aanbod.factories import publish


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "prijs, zin",
    [
        ([PrijsCategorie.KANSENTARIEF], "Met kansentarief of een UiTPAS met kansentarief"),
        ([PrijsCategorie.TERUGBETAALD], "Het ziekenfonds betaalt (een deel) terug."),
        ([PrijsCategorie.KORTING_VT], "Heb je verhoogde tegemoetkoming van je ziekenfonds?"),
    ],
)
def test_price_is_explained_in_plain_words(client, partner_a, prijs, zin):
    page = partner_a.offer
    page.prijs = prijs
    publish(page)
    assert zin in html_of(client, page)


def test_free_needs_no_explanation(client, partner_a):
    html = html_of(client, partner_a.offer)
    assert "Gratis" in html and "ziekenfonds" not in html and "kansentarief" not in html


@pytest.mark.parametrize(
    "inschrijving, zin",
    [
        (Inschrijving.ZONDER_AFSPRAAK, "Je mag gewoon binnenlopen."),
        (Inschrijving.INSCHRIJVEN, "Schrijf je eerst in."),
        (Inschrijving.OP_AFSPRAAK, "Maak eerst een afspraak."),
        (Inschrijving.DOORVERWIJZING, "Je hebt een doorverwijzing nodig."),
    ],
)
def test_how_to_sign_up_says_whether_a_referral_is_needed(client, partner_a, inschrijving, zin):
    page = partner_a.offer
    page.inschrijving = [inschrijving]
    publish(page)
    assert zin in html_of(client, page)


def test_referral_actions_are_on_the_page(client, partner_a):
    html = html_of(client, partner_a.offer)
    pk = partner_a.offer.pk
    assert 'aria-label="Zet in mijn selectie: Beweegcoach WGC Alfa"' in html
    assert f'action="/doorverwijzing/fiche/{pk}/"' in html
    assert f'href="/doorverwijzing/gezondheidsgids/?aanbod={pk}"' in html
    assert "<summary>Klopt er iets niet?</summary>" in html


def test_empty_blocks_are_left_out(client, partner_a):
    page = partner_a.offer
    page.planning = ""
    page.contactpersoon = ""
    # The factory's "zonder afspraak" also shows under Beschikbaar now: enrol by appointment.
    page.inschrijving = [Inschrijving.OP_AFSPRAAK]
    publish(page)
    org = partner_a.organisatie
    org.telefoon = org.email = ""
    org.save_revision().publish()
    html = html_of(client, page)
    for heading in ('id="voor-wie"', 'id="waar"', 'id="toegankelijkheid"', 'id="contact"'):
        assert heading not in html, heading
    assert "n.v.t." not in html


def test_accessibility_is_grouped_by_the_five_bs(client, partner_a):
    from aanbod.models import Toegankelijkheid

    page = partner_a.offer
    page.toegankelijkheid.set(
        Toegankelijkheid.objects.filter(
            slug__in=["rolstoeltoegankelijk", "ringleiding", "tolk-mogelijk"]
        )
    )
    publish(page)
    html = html_of(client, page)
    assert "<dt>Begrijpbaar</dt><dd>Tolk mogelijk</dd>" in html
    assert "<dt>Bereikbaar</dt><dd>Ringleiding, Rolstoeltoegankelijk</dd>" in html


def test_where_gives_the_tram_or_bus_when_the_partner_filled_it_in(client, partner_a):
    from aanbod.models import AanbodLocatie, Wijk

    page = partner_a.offer
    page.locaties = [
        AanbodLocatie(straat_nummer="Opgeëistenlaan 31", postcode="9000",
                      wijk=Wijk.objects.get(slug="rabot-blaisantvest"),
                      openbaar_vervoer="tram 1, halte Rabot"),
        AanbodLocatie(straat_nummer="Blaisantvest 60", postcode="9000"),
    ]  # fmt: skip
    publish(page)
    html = html_of(client, page)
    assert "Met tram of bus: tram 1, halte Rabot" in html
    assert html.count("Met tram of bus") == 1  # not for the location without it
    fiche = client.get(f"/doorverwijzing/fiche/{page.pk}/").content.decode()
    assert "tram 1, halte Rabot" in fiche
