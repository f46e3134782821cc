"""The writing help in the offer editor: the panel, the endpoint it calls while typing, and
Wagtail's English readability score gone from the checks panel."""

import json

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.models import AanbodPage
from schrijfhulp.lezen import MAX_TEKENS

BUREAUCRATISCH = (
    "Teneinde de fysieke en psychosociale gezondheid van buurtbewoners te bevorderen, "
    "organiseren wij laagdrempelige wandelactiviteiten."
)
LEZEN = "schrijfhulp_lezen"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def met_tekst(offer, in_het_kort, user):
    page = AanbodPage.objects.get(pk=offer.pk)
    page.in_het_kort = in_het_kort
    page.save_revision(user=user)
    return page


def post_lezen(client, *teksten):
    data = {"naam": [], "label": [], "tekst": []}
    for naam, label, tekst in teksten:
        data["naam"].append(naam)
        data["label"].append(label)
        data["tekst"].append(tekst)
    return client.post(reverse(LEZEN), data)


@pytest.mark.django_db
def test_partner_sees_the_reading_of_the_draft_in_the_editor(partner_a):
    met_tekst(partner_a.offer, BUREAUCRATISCH, partner_a.user)
    response = client_for(partner_a.user).get(
        reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-schrijfhulp" in html
    assert "Nog niet B1" in html
    assert "‘Teneinde’ → zeg liever ‘om’." in html
    assert "schrijfhulp/schrijfhulp.js" in html


@pytest.mark.django_db
def test_the_checks_panel_no_longer_gives_an_english_readability_score(partner_a):
    met_tekst(partner_a.offer, BUREAUCRATISCH, partner_a.user)
    html = (
        client_for(partner_a.user)
        .get(reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk]))
        .content.decode()
    )
    # Wagtail's script writes its English score into this element; without it, nothing shows.
    assert "data-content-readability-score" not in html
    assert "data-content-word-count" in html  # the rest of the checks panel stays
    assert "Zie ‘Duidelijke taal’ onder de beschrijving." in html


@pytest.mark.django_db
def test_a_bureaucratic_text_warns_but_still_saves(partner_a):
    client = client_for(partner_a.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["in_het_kort"] = BUREAUCRATISCH
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    saved = AanbodPage.objects.get(pk=partner_a.offer.pk).get_latest_revision_as_object()
    assert saved.in_het_kort == BUREAUCRATISCH  # advice, never a block
    assert "Nog niet B1" in response.content.decode()


@pytest.mark.django_db
def test_endpoint_reads_the_typed_texts(partner_a):
    response = post_lezen(
        client_for(partner_a.user),
        ("in_het_kort", "In het kort", BUREAUCRATISCH),
        ("beschrijving", "Beschrijving", "Wandel mee.\n\nWe wandelen elke dinsdag."),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["b1"] is False
    assert body["oordeel"] == "Nog niet B1"
    assert "‘psychosociale’ is een moeilijk woord" in body["html"]
    assert "Tips voor ‘In het kort’" in body["html"]
    assert "Tips voor ‘Beschrijving’" not in body["html"]  # that text is fine


@pytest.mark.django_db
def test_endpoint_needs_a_login(site_tree):
    response = Client().post(reverse(LEZEN), {"naam": "a", "label": "A", "tekst": "Hallo."})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_endpoint_only_answers_post(partner_a):
    assert client_for(partner_a.user).get(reverse(LEZEN)).status_code == 405


@pytest.mark.django_db
def test_endpoint_reads_no_stored_page(partner_a, partner_b):
    """It takes text only: a page id of another organisation is ignored, nothing leaks."""
    geheim = met_tekst(partner_b.offer, "GEHEIM-B teneinde", partner_b.user)
    response = client_for(partner_a.user).post(
        reverse(LEZEN),
        {"naam": "in_het_kort", "label": "In het kort", "tekst": "", "page_id": geheim.pk},
    )
    assert response.status_code == 200
    assert "GEHEIM-B" not in response.content.decode()
    assert response.json()["oordeel"] == "Nog geen tekst"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "boodschap"),
    [
        (
            {"naam": "a", "label": "A", "tekst": "x" * (MAX_TEKENS + 1)},
            "is te lang om mee te lezen",
        ),
        (
            {"naam": "a", "label": "A", "tekst": ("Een zin. " * 400_000)},
            "is te lang om mee te lezen",
        ),
        ({}, "Er kwam geen tekst mee"),
        ({"naam": ["a", "b"], "label": "A", "tekst": "Hallo."}, "Er kwam geen tekst mee"),
        (
            {"naam": ["a"] * 7, "label": ["A"] * 7, "tekst": ["Hallo."] * 7},
            "hoogstens 6 teksten",
        ),
    ],
)
def test_bad_input_gets_a_clear_dutch_message(partner_a, settings, data, boodschap):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None  # our own cap must answer, not Django's
    response = client_for(partner_a.user).post(reverse(LEZEN), data)
    assert response.status_code == 400
    assert boodschap in response.json()["fout"]


@pytest.mark.django_db
def test_a_body_past_djangos_limit_is_refused_without_a_500(partner_a):
    response = client_for(partner_a.user).post(
        reverse(LEZEN), {"naam": "a", "label": "A", "tekst": "x" * 3_000_000}
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_reading_escapes_what_is_typed(partner_a):
    response = post_lezen(
        client_for(partner_a.user),
        ("in_het_kort", "<img src=x>", "Teneinde <script>alert(1)</script> te wandelen."),
    )
    html = response.json()["html"]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    json.dumps(response.json())
