"""Mijn selectie: a session list that works with plain form POSTs, and share links that show
exactly the offers they name, as far as those are still visible."""

import datetime

from django.test import Client

import pytest

from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling
from doorverwijzing.selectie import MAX_AANTAL, parse_ids
from tests.aanbod.factories import AanbodPageFactory, publish


@pytest.fixture
def drie(partner_a):
    org = partner_a.organisatie
    return [partner_a.offer] + [
        publish(AanbodPageFactory(parent=org, title=f"Fietsles {n}")) for n in (1, 2)
    ]


def voeg_toe(client, page, **extra):
    return client.post("/selectie/toevoegen/", {"aanbod": page.pk, **extra})


def titels(html, pages):
    return [p.title for p in sorted(pages, key=lambda p: html.index(p.title))]


def test_add_redirects_back_and_the_header_counts(client, drie):
    response = voeg_toe(client, drie[0], volgende=drie[0].url)
    assert response.status_code == 302 and response["Location"] == drie[0].url
    html = client.get(drie[0].url).content.decode()
    assert "Mijn selectie <span" in html and "(1)</span>" in html
    assert 'In <a href="/selectie/">je selectie</a>' in html  # the button became a link
    voeg_toe(client, drie[1])
    voeg_toe(client, drie[1])  # twice is once
    assert "(2)</span>" in client.get("/selectie/").content.decode()


def test_add_refuses_an_outside_redirect(client, drie):
    response = voeg_toe(client, drie[0], volgende="https://evil.example/")
    assert response["Location"] == drie[0].url


def test_add_answers_json_for_the_script(client, drie):
    response = client.post(
        "/selectie/toevoegen/", {"aanbod": drie[0].pk}, HTTP_ACCEPT="application/json"
    )
    assert response.json() == {
        "aantal": 1, "toegevoegd": True, "in_selectie": True,
        # The texts the script shows, from the server (in the page's language).
        "bericht": "Toegevoegd aan je selectie. Er staat nu 1 aanbod in.",
        "in_selectie_html": '<p class="in-selectie"><span aria-hidden="true">✓</span> '
        'In <a href="/selectie/">je selectie</a></p>',
    }  # fmt: skip


def test_remove_and_reorder(client, drie):
    for page in drie:
        voeg_toe(client, page)
    html = client.get("/selectie/").content.decode()
    assert titels(html, drie) == [p.title for p in drie]

    client.post("/selectie/verplaatsen/", {"aanbod": drie[2].pk, "richting": "op"})
    html = client.get("/selectie/").content.decode()
    assert titels(html, drie) == [drie[0].title, drie[2].title, drie[1].title]

    client.post("/selectie/verplaatsen/", {"aanbod": drie[0].pk, "richting": "neer"})
    client.post("/selectie/verwijderen/", {"aanbod": drie[1].pk})
    html = client.get("/selectie/").content.decode()
    assert drie[1].title not in html
    assert titels(html, [drie[0], drie[2]]) == [drie[2].title, drie[0].title]

    client.post("/selectie/leegmaken/")
    assert "Je selectie is nog leeg" in client.get("/selectie/").content.decode()


def test_unpublished_offer_cannot_be_added_and_drops_out(client, drie):
    voeg_toe(client, drie[0])
    voeg_toe(client, drie[1])
    drie[1].unpublish()
    voeg_toe(client, drie[1])
    html = client.get("/selectie/").content.decode()
    assert drie[1].title not in html
    assert "Eén aanbod uit je selectie bestaat niet meer of is niet meer online" in html
    # The session was cleaned up: the header now says 1.
    assert "(1)</span>" in client.get("/selectie/").content.decode()


def test_selection_is_capped(client, partner_a):
    session = client.session
    session["doorverwijzing_selectie"] = list(range(10_000, 10_000 + MAX_AANTAL))
    session.save()
    response = voeg_toe(client, partner_a.offer)
    assert response.status_code == 302 and response["Location"] == "/selectie/"
    assert "Je selectie is vol" in client.get("/selectie/").content.decode()


@pytest.mark.parametrize(
    "text, ids",
    [("12,40,7", [12, 40, 7]), ("12, 12 ,x, 7", [12, 7]), ("", []), ("abc", []),
     ("1" * 40, []), (",".join(map(str, range(100))), list(range(MAX_AANTAL)))],
)  # fmt: skip
def test_parse_ids(text, ids):
    assert parse_ids(text) == ids


def test_share_link_shows_what_still_exists_and_nothing_else(client, drie, partner_b):
    drie[2].einddatum = datetime.date(2000, 1, 1)  # expired
    publish(drie[2])
    drie[1].unpublish()
    link = f"/selectie/?ids={drie[0].pk},{drie[1].pk},{drie[2].pk},999999"
    response = Client().get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gedeelde selectie" in html and drie[0].title in html
    assert drie[1].title not in html and drie[2].title not in html
    assert partner_b.offer.title not in html
    assert "3 aanbod uit deze link bestaat niet meer of is niet meer online" in html
    assert 'name="robots" content="noindex"' in html


def test_share_link_does_not_touch_the_visitors_own_selection(client, drie):
    voeg_toe(client, drie[2])
    client.get(f"/selectie/?ids={drie[0].pk}")
    assert drie[2].title in client.get("/selectie/").content.decode()
    client.post("/selectie/overnemen/", {"ids": f"{drie[0].pk},{drie[1].pk}"})
    html = client.get("/selectie/").content.decode()
    assert drie[0].title in html and drie[1].title in html and drie[2].title not in html


def test_share_button_shows_the_link_and_counts(client, drie):
    voeg_toe(client, drie[0])
    voeg_toe(client, drie[1])
    response = client.post("/selectie/delen/")
    assert response["Location"] == "/selectie/#delen"
    html = client.get("/selectie/").content.decode()
    assert f"http://testserver/selectie/?ids={drie[0].pk},{drie[1].pk}" in html
    client.post("/selectie/delen/")  # the same caregiver again this month: counted once
    counts = Telling.objects.filter(soort=Soort.GEDEELD)
    assert sorted(counts.values_list("aanbod_id", "aantal")) == [(drie[0].pk, 1), (drie[1].pk, 1)]


@pytest.mark.parametrize(
    "url, data",
    [
        ("/selectie/toevoegen/", {"aanbod": "PK"}),
        ("/selectie/verwijderen/", {"aanbod": "PK"}),
        ("/selectie/verplaatsen/", {"aanbod": "PK", "richting": "op"}),
        ("/selectie/leegmaken/", {}),
        ("/selectie/overnemen/", {"ids": "PK"}),
        ("/selectie/delen/", {}),
        ("/selectie/mailen/", {"email": "a@example.org"}),
        ("/doorverwijzing/gezondheidsgids/", {"organisatie": "x"}),
        ("/doorverwijzing/correctie/PK/", {"bericht": "x"}),
    ],
)
def test_every_post_needs_a_csrf_token(drie, url, data):
    client = Client(enforce_csrf_checks=True)
    pk = str(drie[0].pk)
    data = {k: v.replace("PK", pk) for k, v in data.items()}
    response = client.post(url.replace("PK", pk), data)
    assert response.status_code == 403


def test_forms_carry_a_csrf_token(drie):
    client = Client(enforce_csrf_checks=True)
    html = client.get(drie[0].url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    data = {"aanbod": drie[0].pk, "csrfmiddlewaretoken": token}
    response = client.post("/selectie/toevoegen/", data)
    assert response.status_code == 302


def test_get_on_a_post_url_is_refused(client, drie):
    assert client.get("/selectie/toevoegen/").status_code == 405


def test_cards_on_the_home_page_have_the_add_button(client, drie):
    html = client.get(drie[0].get_parent().url).content.decode()
    assert html.count('action="/selectie/toevoegen/"') == 3


@pytest.mark.parametrize("waarde", ["99999999999999999999", "-1", "abc", ""])
def test_bad_ids_are_ignored_not_errors(client, drie, waarde):
    assert client.post("/selectie/toevoegen/", {"aanbod": waarde}).status_code == 302
    assert client.post("/selectie/verwijderen/", {"aanbod": waarde}).status_code == 302
    assert client.get(f"/selectie/?ids={waarde}").status_code == 200
    assert client.get("/doorverwijzing/fiche/99999999999999999999/").status_code == 404
    assert client.get("/doorverwijzing/correctie/99999999999999999999/").status_code == 404
    assert "(0)</span>" in client.get("/selectie/").content.decode()
