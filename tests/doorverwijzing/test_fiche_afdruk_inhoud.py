"""What keeps the handout on one sheet, server-side: long partner texts shortened at a word with a
clear pointer to the website; and the selection (page and mail) with address, phone and link per
offer, plus a print button."""

from django.core import mail
from django.test import Client, TestCase

import pytest

from aanbod.models import Taal
from doorverwijzing.fiche import MAX_BESCHRIJVING, MAX_LOCATIES, kort, platte_tekst
from tests.aanbod.factories import publish

ZIN = "Wie wil bewegen, is welkom in de groep en leert er stap voor stap meer over gezond leven. "


def fiche(client, offer, taal="nl"):
    response = client.get(f"/doorverwijzing/fiche/{offer.pk}/?taal={taal}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "tekst, maximum, verwacht, ingekort",
    [
        ("Kort genoeg.", 20, "Kort genoeg.", False),
        ("Samen   wandelen\nin de buurt", 40, "Samen wandelen in de buurt", False),
        ("Samen wandelen in de buurt, elke week.", 20, "Samen wandelen in de…", True),
        ("Gezondheidspreventiewerking", 10, "Gezondheid…", True),  # one long word: cut anyway
        ("", 10, "", False),
    ],
)
def test_kort_cuts_at_a_word_with_an_ellipsis(tekst, maximum, verwacht, ingekort):
    assert kort(tekst, maximum) == (verwacht, ingekort)


def test_rich_text_becomes_one_plain_paragraph():
    assert platte_tekst("<p>Eten &amp; bewegen</p><ul><li>Elke dag</li></ul>") == (
        "Eten & bewegen Elke dag "
    )


def test_a_5000_character_description_is_shortened_with_a_pointer(client, partner_a):
    offer = partner_a.offer
    offer.beschrijving = f"<p>{(ZIN * 60)[:5000]}</p>"
    publish(offer)
    html = fiche(client, offer)
    assert "Meer uitleg" in html
    assert "Meer op de website: scan de QR-code." in html
    assert (ZIN * 60)[:5000] not in html
    shown = html.split('<p class="fiche-beschrijving" lang="nl" dir="ltr">')[1].split("</p>")[0]
    assert shown.endswith("…") and len(shown) <= MAX_BESCHRIJVING + 1
    # In the handout's language, the pointer too.
    assert "Plus d&#x27;informations sur le site : scannez le code QR." in fiche(
        client, offer, "fr"
    )


def test_a_short_offer_says_nothing_was_left_out(client, partner_a):
    html = fiche(client, partner_a.offer)  # no explanation, short texts
    assert "Meer uitleg" not in html and "Meer op de website" not in html
    assert "Scan de code voor meer informatie" in html


def test_a_short_explanation_is_shown_whole_and_points_to_the_website(client, partner_a):
    # In print the explanation gives way first on a crowded sheet: the pointer is always there.
    offer = partner_a.offer
    offer.beschrijving = "<p>Wandelen in het park.</p>"
    publish(offer)
    html = fiche(client, offer)
    assert '<p class="fiche-beschrijving" lang="nl" dir="ltr">Wandelen in het park.</p>' in html
    assert "Meer op de website: scan de QR-code." in html


def test_markup_in_a_partner_text_is_shown_as_text(client, partner_a):
    offer = partner_a.offer
    offer.beschrijving = "<p>Kom &lt;script&gt;alert(1)&lt;/script&gt; gerust.</p>"
    publish(offer)
    html = fiche(client, offer)
    assert "<script>alert(1)" not in html
    assert "Kom &lt;script&gt;alert(1)&lt;/script&gt; gerust." in html


def test_many_locations_show_the_first_and_count_the_rest(client, partner_a):
    offer = partner_a.offer
    for n in range(6):
        offer.locaties.create(naam=f"Plek {n}", straat_nummer=f"Straat {n}", postcode="9000")
    offer.talen.set(Taal.objects.all()[:12])
    publish(offer)
    html = fiche(client, offer)
    assert all(f"Plek {n}" in html for n in range(MAX_LOCATIES))
    assert f"Plek {MAX_LOCATIES}" not in html
    assert f"Nog {6 - MAX_LOCATIES} andere plaatsen." in html
    assert "Meer op de website" in html


@pytest.fixture
def met_contact(partner_a, partner_b):
    a = partner_a.offer
    a.locaties.create(naam="Buurtcentrum Rabot", straat_nummer="Rabotstraat 1", postcode="9000")
    a.inschrijving_telefoon = "09 011 22 33"
    publish(a)
    org = partner_b.organisatie
    org.telefoon = "09 044 55 66"
    org.save_revision().publish()
    return a, partner_b.offer


def test_selection_page_gives_address_phone_and_link_and_a_print_button(client, met_contact):
    a, b = met_contact
    for page in (a, b):
        client.post("/selectie/toevoegen/", {"aanbod": page.pk})
    html = client.get("/selectie/").content.decode()
    assert "Buurtcentrum Rabot, Rabotstraat 1, 9000 Gent" in html
    # dir="ltr": the number stays readable inside Arabic text.
    assert '<a href="tel:090112233" dir="ltr">09 011 22 33</a>' in html  # to sign up
    # No phone to sign up: the organisation's.
    assert '<a href="tel:090445566" dir="ltr">09 044 55 66</a>' in html
    for page in (a, b):
        assert (
            f'<a href="{page.url}" class="selectie-link" dir="ltr">http://testserver{page.url}</a>'
            in html
        )
    # A real button, shown by the script; the tip for those without it.
    assert '<button type="button" data-print hidden>Druk deze lijst af</button>' in html
    assert "Ctrl+P" in html


def test_shared_selection_gives_the_same_contact_data(met_contact):
    a, b = met_contact
    html = Client().get(f"/selectie/?ids={a.pk},{b.pk}").content.decode()
    assert "Rabotstraat 1, 9000 Gent" in html and "09 011 22 33" in html
    assert f"http://testserver{b.url}" in html


def test_mailed_selection_gives_address_phone_and_link(client, met_contact):
    a, b = met_contact
    for page in (a, b):
        client.post("/selectie/toevoegen/", {"aanbod": page.pk})
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/selectie/mailen/", {"email": "hulpverlener@example.org"})
    body = mail.outbox[-1].body
    eerste, tweede = body.split(f"2. {b.title}")
    assert "Adres: Buurtcentrum Rabot, Rabotstraat 1, 9000 Gent" in eerste
    assert "Telefoon: 09 011 22 33" in eerste
    assert f"Link: http://testserver{a.url}" in eerste
    assert "Telefoon: 09 044 55 66" in tweede
    assert "Adres:" not in tweede  # b has no location: nothing invented
    assert f"Link: http://testserver{b.url}" in tweede
