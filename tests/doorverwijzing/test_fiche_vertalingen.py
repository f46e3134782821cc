"""The handout in the client's language uses the partner's own translations (issue 13, item 2):
title, In het kort, price note, how to enrol and schedule, each with its lang and dir; what
stayed Dutch is marked lang="nl" and said once; markup in a translation is escaped."""

import re

import pytest

from aanbod.models import AanbodVertaling
from doorverwijzing.fiche import MAX_INSCHRIJVING
from tests.aanbod.factories import publish

FRANS = {
    "taal": "fr",
    "titel": "Coach sportif dans votre quartier",
    "in_het_kort": "Bouger ensemble près de chez vous.",
    "prijs_toelichting": "Avec l'UiTPAS, vous payez 1 euro.",
    "inschrijving_tekst": "Venez simplement le mardi.",
    "planning": "Chaque mardi de 14 à 16 heures",
}
ARABISCH = {"taal": "ar", "titel": "مدرب رياضي في حيّك", "in_het_kort": "نتحرك معًا قرب بيتك."}


def vertaal(page, *rijen):
    page.vertalingen = [AanbodVertaling(**rij) for rij in rijen]
    return publish(page)


def fiche(client, offer, taal):
    response = client.get(f"/doorverwijzing/fiche/{offer.pk}/?taal={taal}")
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


def gemarkeerd(html, taal, richting, tekst):
    """Whether `tekst` is the content of an element with lang=taal and dir=richting."""
    return re.search(rf'lang="{taal}" dir="{richting}">{re.escape(tekst)}<', html) is not None


@pytest.mark.django_db
def test_french_handout_uses_every_translated_text(client, partner_a):
    offer = vertaal(partner_a.offer, FRANS)
    html = fiche(client, offer, "fr")
    for veld in ("titel", "in_het_kort", "prijs_toelichting", "inschrijving_tekst", "planning"):
        assert gemarkeerd(html, "fr", "ltr", FRANS[veld]), veld
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
    assert h1 == FRANS["titel"]  # not the Dutch title
    assert FRANS["titel"] in html.split("</title>")[0]
    assert 'class="fiche-noot"' not in html  # everything the partner wrote is translated


@pytest.mark.django_db
def test_arabic_handout_right_to_left_and_what_stayed_dutch_is_marked(client, partner_a):
    offer = vertaal(partner_a.offer, ARABISCH)
    html = fiche(client, offer, "ar")
    assert gemarkeerd(html, "ar", "rtl", ARABISCH["titel"])
    assert gemarkeerd(html, "ar", "rtl", ARABISCH["in_het_kort"])
    assert gemarkeerd(html, "nl", "ltr", offer.planning)  # not translated: Dutch, ltr
    assert html.count('class="fiche-noot"') == 1  # said once: part of it is only in Dutch


@pytest.mark.django_db
def test_handout_without_translation_says_the_text_is_dutch(client, partner_a):
    html = fiche(client, partner_a.offer, "tr")
    assert html.count('class="fiche-noot"') == 1
    assert gemarkeerd(html, "nl", "ltr", partner_a.offer.title)


@pytest.mark.django_db
def test_dutch_handout_ignores_translations(client, partner_a):
    offer = vertaal(partner_a.offer, FRANS)
    html = fiche(client, offer, "nl")
    assert FRANS["titel"] not in html and FRANS["inschrijving_tekst"] not in html
    assert 'class="fiche-noot"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("taal", ["xx", "", "fr%00", "<script>"])
def test_unknown_handout_language_gives_the_dutch_sheet(client, partner_a, taal):
    offer = vertaal(partner_a.offer, FRANS)
    html = fiche(client, offer, taal)
    assert FRANS["titel"] not in html and gemarkeerd(html, "nl", "ltr", offer.title)


@pytest.mark.django_db
def test_markup_in_a_translation_is_escaped_on_the_handout(client, partner_a):
    offer = vertaal(
        partner_a.offer,
        {"taal": "fr", "titel": "<script>alert(1)</script>", "inschrijving_tekst": "<img src=x>"},
    )
    html = fiche(client, offer, "fr")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_a_long_enrolment_text_is_shortened_with_a_pointer(client, partner_a):
    lang = ("Appelez-nous. " * 25)[:300]  # the field's maximum
    offer = vertaal(partner_a.offer, {"taal": "fr", "inschrijving_tekst": lang})
    html = fiche(client, offer, "fr")
    tekst = re.search(r'class="fiche-inschrijving"[^>]*>([^<]*)<', html).group(1)
    assert tekst.endswith("…") and len(tekst) <= MAX_INSCHRIJVING + 1
    assert 'class="fiche-meer"' in html
