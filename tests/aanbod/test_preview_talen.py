"""A partner previews their translation before submitting it (issue 13 item 2): the admin
preview has a mode per site language, and each shows the unsaved translated texts and the
site's fixed texts in that language; an unknown mode shows the Dutch page, never an error."""

from django.urls import reverse

import pytest

from aanbod.models import AanbodPage
from tests.aanbod.test_vertalingen import ARABISCH, FRANS, met_vertalingen
from tests.aanbod.test_workflow import client_for, edit_form_data, text


@pytest.fixture
def preview(partner_a):
    """The partner's client and the offer's preview URL, after posting the edit form with a
    French and an Arabic translation (not saved)."""
    client = client_for(partner_a.user)
    offer = partner_a.offer
    data = met_vertalingen(edit_form_data(client, offer), FRANS, ARABISCH)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[offer.pk])
    response = client.post(url, data)
    assert response.status_code == 200 and response.json()["is_valid"] is True
    return client, url, offer


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return text(response)


def test_the_preview_offers_dutch_and_the_four_site_languages():
    assert AanbodPage.preview_modes == [
        ("nl", "Nederlands"),
        ("fr", "Frans"),
        ("en", "Engels"),
        ("ar", "Arabisch"),
        ("tr", "Turks"),
    ]


def test_french_preview_shows_the_unsaved_translation_and_french_fixed_texts(preview):
    client, url, offer = preview
    html = get(client, f"{url}?mode=fr")
    assert '<html lang="fr" dir="ltr">' in html
    assert f'<h1 lang="fr" dir="ltr">{FRANS["titel"]}</h1>' in html
    assert FRANS["in_het_kort"] in html
    # A fixed text of the site, through gettext: the description is never translated.
    assert "Une partie du texte est seulement en néerlandais." in html
    assert "Een deel van de tekst is alleen in het Nederlands." not in html
    # Nothing was saved: the live page and the database have no translation.
    assert not AanbodPage.objects.get(pk=offer.pk).vertalingen.exists()


def test_arabic_preview_reads_right_to_left(preview):
    client, url, _offer = preview
    html = get(client, f"{url}?mode=ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<h1 lang="ar" dir="rtl">{ARABISCH["titel"]}</h1>' in html
    assert "جزء من النص باللغة الهولندية فقط." in html


@pytest.mark.parametrize("mode", ["nl", "", "xx", "../fr", "de"])
def test_dutch_or_unknown_mode_shows_the_dutch_page(preview, mode):
    client, url, offer = preview
    html = get(client, f"{url}?mode={mode}")
    assert '<html lang="nl" dir="ltr">' in html
    assert f'<h1 lang="nl" dir="ltr">{offer.title}</h1>' in html
    assert FRANS["titel"] not in html and ARABISCH["titel"] not in html


def test_the_preview_leaves_the_admin_in_dutch(preview):
    client, url, offer = preview
    get(client, f"{url}?mode=fr")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk]))
    assert response.status_code == 200 and '<html lang="nl"' in text(response)
