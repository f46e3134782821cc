"""Mijn selectie, its mail and the handout's QR label in the visitor's language (issue 13 item
2): the partner's translated title and In het kort, each marked with its lang and dir, the
Dutch text where there is no translation, and never the words of an unpublished draft."""

from django.core import mail
from django.test import TestCase
from django.utils import translation

import pytest

from aanbod.models import AanbodPage, AanbodVertaling
from tests.aanbod.factories import publish

FRANS = {"taal": "fr", "titel": "Marcher <b>ensemble</b>", "in_het_kort": "Gratuit, le mardi."}
ARABISCH = {"taal": "ar", "titel": "المشي معًا", "in_het_kort": "مجانًا، يوم الثلاثاء."}


@pytest.fixture
def offer(partner_a):
    page = partner_a.offer
    page.title = "Samen wandelen"
    page.in_het_kort = "Gratis, op dinsdag."
    page.vertalingen = [AanbodVertaling(**FRANS), AanbodVertaling(**ARABISCH)]
    return publish(page)


def selectie(client, taal, *pages):
    prefix = "" if taal == "nl" else f"/{taal}"  # Dutch has no prefix
    for page in pages:
        client.post(f"{prefix}/selectie/toevoegen/", {"aanbod": page.pk})
    response = client.get(f"{prefix}/selectie/")
    assert response.status_code == 200
    return response.content.decode()


def test_french_selection_shows_the_translation_with_its_language(client, offer, partner_b):
    with translation.override("nl"):  # a request leaves its language active in the thread
        pad_a, pad_b = offer.url, partner_b.offer.url
    html = selectie(client, "fr", offer, partner_b.offer)
    assert f'<h2 class="card-title" lang="fr" dir="ltr"><a href="/fr{pad_a}">' in html
    assert "Marcher &lt;b&gt;ensemble&lt;/b&gt;</a></h2>" in html  # escaped, never markup
    assert '<p lang="fr" dir="ltr">Gratuit, le mardi.</p>' in html
    assert "Samen wandelen" not in html and "Gratis, op dinsdag." not in html
    # The buttons name the offer as the visitor reads it.
    assert 'aria-label="Retirer : Marcher &lt;b&gt;ensemble&lt;/b&gt;"' in html
    # An offer without a translation stays Dutch, and says so in its lang attribute.
    assert f'lang="nl" dir="ltr"><a href="/fr{pad_b}">' in html
    assert partner_b.offer.title in html


def test_arabic_selection_reads_right_to_left_where_translated(client, offer):
    html = selectie(client, "ar", offer)
    assert '<h2 class="card-title" lang="ar" dir="rtl">' in html
    assert "المشي معًا</a></h2>" in html
    assert '<p lang="ar" dir="rtl">مجانًا، يوم الثلاثاء.</p>' in html


def test_dutch_selection_is_unchanged(client, offer):
    html = selectie(client, "nl", offer)
    assert "Samen wandelen</a></h2>" in html and "Marcher" not in html


def test_a_draft_translation_never_shows(client, offer):
    # The partner changes the French title in a new revision that is not published.
    draft = AanbodPage.objects.get(pk=offer.pk)
    draft.vertalingen = [AanbodVertaling(taal="fr", titel="Titre du brouillon")]
    draft.save_revision()
    html = selectie(client, "fr", offer)
    assert "Titre du brouillon" not in html
    assert "Marcher &lt;b&gt;ensemble&lt;/b&gt;" in html
    # Nor in the handout, nor in the mail.
    fiche = client.get(f"/fr/doorverwijzing/fiche/{offer.pk}/").content.decode()
    assert "Titre du brouillon" not in fiche
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/fr/selectie/mailen/", {"email": "aide@example.org"})
    assert "Titre du brouillon" not in mail.outbox[0].body


def test_the_mail_is_in_the_language_it_was_sent_from(client, offer):
    selectie(client, "fr", offer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/fr/selectie/mailen/", {"email": "aide@example.org"})
    assert response.status_code == 302
    body = mail.outbox[0].body
    assert "1. Marcher <b>ensemble</b> (" in body  # plain text: not escaped
    assert "   Gratuit, le mardi." in body
    assert "Samen wandelen" not in body


def test_the_mail_from_the_dutch_site_stays_dutch(client, offer):
    selectie(client, "nl", offer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/selectie/mailen/", {"email": "hulp@example.org"})
    body = mail.outbox[0].body
    assert "1. Samen wandelen (" in body and "Marcher" not in body


@pytest.mark.parametrize(
    "pad, label",
    [
        ("/fr/doorverwijzing/fiche/{pk}/", 'aria-label="Code QR vers Marcher &lt;b&gt;ensemble'),
        ("/doorverwijzing/fiche/{pk}/?taal=ar", "المشي معًا"),
        ("/doorverwijzing/fiche/{pk}/", 'aria-label="QR-code naar Samen wandelen"'),
    ],
)
def test_the_qr_label_names_the_offer_in_the_handouts_language(client, offer, pad, label):
    html = client.get(pad.format(pk=offer.pk)).content.decode()
    aria = [regel for regel in html.split("<svg ")[1:] if 'class="qr-code"' in regel]
    assert aria, "no QR code on the handout"
    assert label in aria[0]
    if "taal=ar" in pad:
        assert "Samen wandelen" not in aria[0].split(">")[0]
