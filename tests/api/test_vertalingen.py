"""The offer JSON carries the partner's translations (issue 13): the published ones of visible
offers only, under English keys, null where a text was not translated."""

import json

import pytest

from aanbod.models import AanbodPage, AanbodVertaling
from api.openapi import openapi_document
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import publish
from tests.api.schema import check

API = "/api/v1/aanbod/"


def vertaal(page, *rijen):
    page.vertalingen = [AanbodVertaling(**rij) for rij in rijen]
    return publish(page)


def resultaten(client, **params):
    response = client.get(API, params)
    assert response.status_code == 200
    return {r["id"]: r for r in json.loads(response.content)["results"]}


@pytest.mark.django_db
def test_translations_per_language_with_null_for_what_stayed_dutch(client, partner_a, index_dir):
    offer = vertaal(
        partner_a.offer,
        {"taal": "fr", "titel": "Coach sportif", "planning": "Le mardi"},
        {"taal": "ar", "titel": "مدرب رياضي", "in_het_kort": "<b>نتحرك</b> معًا"},
    )
    rebuild()
    found = resultaten(client)[offer.pk]
    assert found["translations"] == {
        "fr": {"title": "Coach sportif", "summary": None, "price_note": None,
               "enrolment": None, "schedule": "Le mardi"},
        "ar": {"title": "مدرب رياضي", "summary": "<b>نتحرك</b> معًا", "price_note": None,
               "enrolment": None, "schedule": None},
    }  # fmt: skip
    # Plain text as written: JSON needs no escaping, the client escapes where it shows it.
    doc = openapi_document()
    assert check(doc, doc["components"]["schemas"]["Aanbod"], found) == []


@pytest.mark.django_db
def test_an_offer_without_translations_has_an_empty_map(client, partner_a, index_dir):
    rebuild()
    assert resultaten(client)[partner_a.offer.pk]["translations"] == {}


@pytest.mark.django_db
def test_a_draft_translation_stays_out_of_the_api(client, partner_a, index_dir):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Coach sportif"})
    draft = AanbodPage.objects.get(pk=offer.pk)
    draft.vertalingen = [AanbodVertaling(taal="fr", titel="Titre secret du brouillon")]
    draft.save_revision()
    rebuild()
    body = client.get(API).content.decode()
    assert "Titre secret" not in body
    assert resultaten(client)[offer.pk]["translations"]["fr"]["title"] == "Coach sportif"


@pytest.mark.django_db
def test_an_unpublished_offers_translation_stays_out_of_the_api(client, partner_a, index_dir):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Titre secret"})
    offer.unpublish()
    rebuild()
    assert "Titre secret" not in client.get(API, {"q": "secret"}).content.decode()
    assert "Titre secret" not in client.get(API).content.decode()
