"""The client handout: plain facts with pictograms, a QR code to the offer, blank lines for the
appointment, fixed texts in five languages; the partner's own text unchanged."""

import re

from django.test import Client

import pytest
import segno

from aanbod.enums import Inschrijving, PrijsCategorie
from aanbod.models import Taal, Toegankelijkheid
from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling
from doorverwijzing.qr import qr_svg
from tests.aanbod.factories import publish


@pytest.fixture
def offer(partner_a):
    page = partner_a.offer
    page.prijs = [PrijsCategorie.KANSENTARIEF, PrijsCategorie.BETALEND]
    page.bedrag = 5
    page.inschrijving = [Inschrijving.ZONDER_AFSPRAAK, Inschrijving.DOORVERWIJZING]
    page.talen.set(Taal.objects.filter(slug__in=["nl", "ar"]))
    page.toegankelijkheid.set(Toegankelijkheid.objects.filter(slug="rolstoeltoegankelijk"))
    page.locaties.create(straat_nummer="Rabotstraat 1", postcode="9000")
    return publish(page)


def fiche(client, offer, taal=None):
    url = f"/doorverwijzing/fiche/{offer.pk}/" + (f"?taal={taal}" if taal else "")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_dutch_handout_has_the_practical_facts(client, offer):
    html = fiche(client, offer)
    assert '<html lang="nl" dir="ltr">' in html
    for text in (
        "Informatie voor jou", offer.title, offer.in_het_kort, "Rabotstraat 1, 9000 Gent",
        offer.planning, "Minder betalen met kansentarief of UiTPAS", "Je betaalt: € 5",
        "Je mag gewoon binnenlopen", "Je hebt een doorverwijzing nodig",
        "Toegankelijk met een rolstoel", "Jouw afspraak", "Datum", "Uur", "Met wie",
    ):  # fmt: skip
        assert text in html, text
    # Pictograms are decoration next to text, never the only carrier of meaning.
    assert html.count('class="pictogram"') >= 4
    assert 'aria-hidden="true"' in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html  # the language's own name


def test_qr_code_points_to_the_absolute_offer_url(client, offer):
    html = fiche(client, offer)
    url = f"http://testserver{offer.url}"
    assert f'data-qr-url="{url}"' in html
    svg = re.search(r'<footer class="fiche-qr"[^>]*>\s*(<svg.*?</svg>)', html, re.S).group(1)
    assert 'role="img"' in svg and "QR-code naar" in svg
    # Same URL, same code: the SVG on the page is the code for exactly this URL.
    assert svg == str(qr_svg(url, titel=f"QR-code naar {offer.title}"))
    assert segno.make(url, error="m").designator  # encodable at all (no exception)


@pytest.mark.parametrize(
    "taal, titel, richting",
    [("fr", "Informations pour vous", "ltr"), ("en", "Information for you", "ltr"),
     ("ar", "معلومات لك", "rtl"), ("tr", "Sizin için bilgi", "ltr"),
     ("xx", "Informatie voor jou", "ltr"), ("<script>", "Informatie voor jou", "ltr")],
)  # fmt: skip
def test_fixed_texts_follow_the_chosen_language(client, offer, taal, titel, richting):
    html = fiche(client, offer, taal)
    code = taal if taal in ("fr", "en", "ar", "tr") else "nl"
    assert f'<html lang="{code}" dir="{richting}">' in html
    assert titel in html
    assert "<script>" not in html.split("</head>")[1] or taal != "<script>"


def test_partner_text_stays_dutch_and_is_marked_so(client, offer):
    html = fiche(client, offer, "ar")
    assert f'<h1 lang="nl" dir="ltr">{offer.title}</h1>' in html
    assert f'<p class="fiche-kort" lang="nl" dir="ltr">{offer.in_het_kort}</p>' in html
    assert "نص المنظمة باللغة الهولندية." in html
    # The caregiver's toolbar stays Dutch.
    assert '<div class="fiche-balk" lang="nl" dir="ltr">' in html


def test_blocks_without_data_are_left_out(client, partner_a):
    page = partner_a.offer
    page.planning = ""
    publish(page)
    org = partner_a.organisatie
    org.telefoon = org.email = ""
    org.save_revision().publish()
    html = fiche(client, page)
    assert "Wanneer?" not in html and "Vragen? Bel of mail" not in html and "Waar?" not in html
    assert "Toegankelijk met een rolstoel" not in html
    assert "n.v.t." not in html


def test_selection_handout_has_one_sheet_per_offer_in_order(client, offer, partner_b):
    for page in (partner_b.offer, offer):
        client.post("/selectie/toevoegen/", {"aanbod": page.pk})
    html = client.get("/selectie/fiche/?taal=en").content.decode()
    assert html.count('<article class="fiche"') == 2
    assert html.index(partner_b.offer.title) < html.index(offer.title)


def test_shared_handout_link_shows_only_visible_offers(offer, partner_b):
    partner_b.offer.unpublish()
    html = Client().get(f"/selectie/fiche/?ids={partner_b.offer.pk},{offer.pk}").content.decode()
    assert html.count('<article class="fiche"') == 1
    assert "Eén aanbod bestaat niet meer of is niet meer online" in html


def test_unpublished_offer_has_no_handout(client, offer):
    offer.unpublish()
    assert client.get(f"/doorverwijzing/fiche/{offer.pk}/").status_code == 404


def test_opening_a_handout_counts_once_per_visitor_per_month(offer):
    first, second = Client(), Client()
    fiche(first, offer)
    fiche(first, offer, "fr")
    fiche(second, offer)
    telling = Telling.objects.get(aanbod=offer, soort=Soort.FICHE)
    assert telling.aantal == 2
    assert telling.maand.day == 1


def test_offer_page_links_to_the_handout_in_a_language(client, offer):
    html = client.get(offer.url).content.decode()
    assert f'action="/doorverwijzing/fiche/{offer.pk}/"' in html
    assert '<option value="ar" lang="ar">العربية</option>' in html


def test_next_dates_from_the_calendar_in_the_chosen_language(client, offer, partner_a):
    import datetime

    from django.utils import timezone

    from kalender.models import ActiviteitDatum, ActiviteitPage

    dag = timezone.localdate() + datetime.timedelta(days=3)
    activiteit = ActiviteitPage(
        title="Extra wandeling", in_het_kort="Kom gerust.", aanbod=offer,
        losse_data=[ActiviteitDatum(datum=dag, start_tijd=datetime.time(14),
                                    eind_tijd=datetime.time(16))],
    )  # fmt: skip
    partner_a.organisatie.add_child(instance=activiteit)
    publish(activiteit)
    weekdag = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    html = fiche(client, offer, "fr")
    assert "Prochaines dates" in html
    assert f"{weekdag[dag.weekday()]} {dag:%d/%m/%Y}, 14:00–16:00" in html
