"""The hand-over in the client's language (issue 13 item 3): the handout follows the site's
language unless ?taal= says otherwise (unknown codes give Dutch), Arabic reads right to left with
phone numbers kept left-to-right, partner text with markup stays escaped; the selection, its mail
and the gezondheidsgids request speak the visitor's language, while partners and coordinators
keep reading Dutch."""

import re
from decimal import Decimal

from django.core import mail
from django.test import TestCase
from django.utils import translation

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie
from doorverwijzing.enums import Status, Taak
from doorverwijzing.models import Aanvraag
from doorverwijzing.vertalingen import bedrag_tekst
from tests.aanbod.factories import publish


@pytest.fixture
def offer(partner_a):
    page = partner_a.offer
    page.prijs = [PrijsCategorie.BETALEND]
    page.bedrag = Decimal("4.50")
    page.inschrijving = [Inschrijving.INSCHRIJVEN]
    page.inschrijving_telefoon = "09 123 45 67"
    page.title = "Wandelen <b>samen</b> & gezond"
    return publish(page)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def balk(html):
    return re.search(r'<div class="fiche-balk"[^>]*>', html).group(0)


def test_arabic_site_gives_an_arabic_right_to_left_handout(client, offer):
    html = get(client, f"/ar/doorverwijzing/fiche/{offer.pk}/")
    assert '<html lang="ar" dir="rtl">' in html
    for tekst in ("معلومات لك", "ماذا؟", "كيف تبدأ؟", "سجّل أولًا", "موعدك", "امسح الرمز"):
        assert tekst in html, tekst
    assert "Informatie voor jou" not in html and "Hoe begin je?" not in html
    # A phone number inside Arabic text stays readable left to right.
    assert '<bdi dir="ltr">09 123 45 67</bdi>' in html
    # The caregiver's bar speaks the site's language too.
    assert balk(html) == '<div class="fiche-balk" lang="ar" dir="rtl">'
    # The QR code leads to the offer page in Arabic.
    with translation.override("ar"):
        assert f'data-qr-url="http://testserver{offer.get_url()}"' in html
    assert 'data-qr-url="http://testserver/ar/aanbod/' in html


def test_french_site_gives_a_french_handout_and_taal_still_chooses(client, offer):
    html = get(client, f"/fr/doorverwijzing/fiche/{offer.pk}/")
    assert '<html lang="fr" dir="ltr">' in html and "Informations pour vous" in html
    assert "Payant : € 4,50" in html  # French decimal comma, French spacing
    # A French caregiver prints an Arabic sheet: the sheet is Arabic, their bar stays French.
    html = get(client, f"/fr/doorverwijzing/fiche/{offer.pk}/?taal=ar")
    assert '<html lang="ar" dir="rtl">' in html and "معلومات لك" in html
    assert balk(html) == '<div class="fiche-balk" lang="fr" dir="ltr">'
    assert "Afficher dans cette langue" in html  # the bar, in French
    assert '<option value="ar" lang="ar" selected>العربية</option>' in html


@pytest.mark.parametrize("taal", ["xx", "de", "", "AR", "<script>", "fr-xx"])
def test_unknown_language_code_falls_back_to_dutch(client, offer, taal):
    html = get(client, f"/doorverwijzing/fiche/{offer.pk}/?taal={taal}")
    assert '<html lang="nl" dir="ltr">' in html
    assert "Informatie voor jou" in html and "Hoe begin je?" in html
    assert "Information for you" not in html
    # Also on a French page: an unknown code means Dutch, never an English or broken sheet.
    html = get(client, f"/fr/doorverwijzing/fiche/{offer.pk}/?taal={taal}")
    assert '<html lang="nl" dir="ltr">' in html


def test_partner_text_with_markup_stays_escaped_in_every_language(client, offer):
    for prefix in ("", "/fr", "/ar"):
        html = get(client, f"{prefix}/doorverwijzing/fiche/{offer.pk}/")
        assert "<b>samen</b>" not in html
        assert "Wandelen &lt;b&gt;samen&lt;/b&gt; &amp; gezond" in html


def test_price_follows_the_language_decimal_mark():
    with translation.override("nl"):
        assert bedrag_tekst(Decimal("45")) == "€ 45"
        assert bedrag_tekst(Decimal("4.5")) == "€ 4,50"
    with translation.override("en"):
        assert bedrag_tekst(Decimal("4.5")) == "€ 4.50"
        assert bedrag_tekst(Decimal("45.00")) == "€ 45"


def test_selection_page_and_script_answer_in_french(client, offer):
    response = client.post(
        "/fr/selectie/toevoegen/", {"aanbod": offer.pk}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["bericht"] == "Ajouté à votre sélection. Elle contient maintenant 1 offre."
    assert 'href="/fr/selectie/">votre sélection</a>' in data["in_selectie_html"]
    html = get(client, "/fr/selectie/")
    assert "<h1>Ma sélection</h1>" in html and "Mijn selectie</h1>" not in html
    assert "Fiche d'orientation pour la personne" in html
    # The handout form preselects the page's language.
    assert '<option value="fr" lang="fr" selected>Français</option>' in html


def test_selection_mail_is_french_when_asked_from_the_french_site(client, offer):
    client.post("/fr/selectie/toevoegen/", {"aanbod": offer.pk})
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/fr/selectie/mailen/", {"email": "aide@example.org"})
    assert response.status_code == 302 and response["Location"] == "/fr/selectie/#mailen"
    message = mail.outbox[-1]
    assert message.subject == "Offres du Preventiezoeker Gent"
    assert "Bonjour," in message.body and "Nous ne la gardons pas." in message.body
    assert "Hallo," not in message.body
    assert "Nous avons envoyé votre sélection à aide@example.org." in get(client, "/fr/selectie/")


def test_bad_mail_address_gets_a_french_message(client, offer):
    client.post("/fr/selectie/toevoegen/", {"aanbod": offer.pk})
    response = client.post("/fr/selectie/mailen/", {"email": "geen-adres"})
    assert response.status_code == 400
    assert "Cette adresse e-mail n&#x27;est pas valide." in response.content.decode()


def test_gezondheidsgids_request_in_french_mails_the_caregiver_in_french(
    client, partner_a, coordinator, django_capture_on_commit_callbacks
):
    from aanbod.models import Taal

    html = get(client, "/fr/doorverwijzing/gezondheidsgids/")
    assert "Demander un guide santé" in html
    # The task labels, in French (a request leaves its language active: say which one).
    with translation.override("nl"):
        assert str(Taak.HUISBEZOEK.label) not in html
    with translation.override("fr"):
        assert str(Taak.HUISBEZOEK.label) in html
    data = {
        "organisatie": "CAW", "naam": "Sara", "email": "sara@caw.example",
        "talen": [Taal.objects.get(slug="ar").pk], "taak": Taak.TOELEIDEN_ZORG,
        "dringendheid": "deze-week", "vraag": "Mee naar de tandarts.",
        "geen_clientgegevens": "on",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/doorverwijzing/gezondheidsgids/", data)
    assert response["Location"] == "/fr/doorverwijzing/gezondheidsgids/bedankt/"
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.taal == "fr"
    aan = {tuple(m.to): m for m in mail.outbox}
    bevestiging = aan[("sara@caw.example",)]
    assert bevestiging.subject == "Nous avons reçu votre demande de guide santé"
    assert "Type de soutien : Orienter vers les soins de santé" in bevestiging.body
    # The coordinator works in Dutch, whatever the caregiver's language.
    coordinator_mail = aan[("coordinator@example.org",)]
    assert coordinator_mail.subject == "Nieuwe aanvraag gezondheidsgids (deze week)"
    assert "Soort ondersteuning: Toeleiden naar gezondheids- en welzijnszorg" in (
        coordinator_mail.body
    )
    # A later step, set in the (Dutch) admin, still writes to the caregiver in French.
    aanvraag.status = Status.NIET_GELUKT
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag.save()
    assert mail.outbox[-1].subject == "Votre demande de guide santé n'a pas abouti"


def test_form_errors_in_arabic(client, site_tree):
    response = client.post("/ar/doorverwijzing/gezondheidsgids/", {"naam": "Sara"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "اكتب اسم منظمتك." in html and "اختر لغة واحدة على الأقل." in html
    assert "Vul de naam van je organisatie in." not in html
