"""The offer editor as a partner uses it unaided: the live preview of a new offer works and a
new offer gets its URL name from its title (issue 12)."""

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.models import AanbodPage, Doelgroep, Taal, Thema, Toegankelijkheid, Wijk


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def nieuw_aanbod(client, organisatie, title, **changes):
    """The add form as the partner gets it, filled in with a title and the required fields,
    the URL name (on the hidden promote tab) left empty."""
    url = reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", organisatie.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["title"] = title
    data["slug"] = ""
    data["in_het_kort"] = "Kort en duidelijk."
    data.setlist("themas", [str(Thema.objects.get(slug="beweging").pk)])
    data.setlist("talen", [str(Taal.objects.get(slug="nl").pk)])
    data.setlist("vormen", ["groepsaanbod"])
    data.setlist("prijs", ["gratis"])
    data.setlist("inschrijving", ["zonder-afspraak"])
    for key, value in changes.items():
        data[key] = value
    return url, data


@pytest.mark.django_db
def test_preview_of_an_unsaved_offer_shows_it(partner_a):
    client = client_for(partner_a.user)
    add_url, data = nieuw_aanbod(client, partner_a.organisatie, "Wandelclub Zonnebloem")
    # The chosen related values and a location, as the partner fills them in before saving.
    wijk = Wijk.objects.first()
    data.setlist("doelgroepen", [str(Doelgroep.objects.first().pk)])
    data.setlist("toegankelijkheid", [str(Toegankelijkheid.objects.first().pk)])
    data.setlist("wijken", [str(wijk.pk)])
    data.update(
        {
            "locaties-TOTAL_FORMS": "1",
            "locaties-0-naam": "Buurtcentrum Zonnebloem",
            "locaties-0-straat_nummer": "Rabotstraat 1",
            "locaties-0-postcode": "9000",
            "locaties-0-gemeente": "Gent",
            "locaties-0-wijk": str(wijk.pk),
            "locaties-0-ORDER": "1",
        }
    )
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["aanbod", "aanbodpage", partner_a.organisatie.pk],
    )

    response = client.post(preview_url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True

    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wandelclub Zonnebloem" in html
    assert "Buurtcentrum Zonnebloem" in html
    assert wijk.label in html
    assert not AanbodPage.objects.filter(title="Wandelclub Zonnebloem").exists()


@pytest.mark.django_db
def test_new_offer_without_url_name_gets_it_from_its_title(partner_a):
    client = client_for(partner_a.user)
    add_url, data = nieuw_aanbod(client, partner_a.organisatie, "Koken in de wijk: café!")

    response = client.post(add_url, data)

    assert response.status_code == 302, response.context["form"].errors
    aanbod = AanbodPage.objects.get(title="Koken in de wijk: café!")
    assert aanbod.slug == "koken-in-de-wijk-cafe"
    assert aanbod.get_parent().pk == partner_a.organisatie.pk


@pytest.mark.django_db
def test_two_offers_with_the_same_title_get_distinct_url_names(partner_a):
    client = client_for(partner_a.user)
    for _ in range(2):
        add_url, data = nieuw_aanbod(client, partner_a.organisatie, "Samen bewegen")
        response = client.post(add_url, data)
        assert response.status_code == 302, response.context["form"].errors

    slugs = sorted(AanbodPage.objects.filter(title="Samen bewegen").values_list("slug", flat=True))
    assert slugs == ["samen-bewegen", "samen-bewegen-2"]
