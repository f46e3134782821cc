"""A view restriction (a shared password or groups) set on a published offer, or on the
organisation page above it, hides the offer at once: from the search page, its totals, facet
counts and "Bedoelde je" suggestions, and from the API. Removing it brings the offer back. Even
when the index missed the change, the results and the API still leave the offer out."""

import datetime
import json
from types import SimpleNamespace
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from aanbod.models import Thema
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

URL = "/aanbod/"
API = "/api/v1/aanbod/"
WOORD = "kwispelstaart"  # only the offer that gets restricted has this word
TIKFOUT = "kwispelstart"
GEHEIM = "mondzorg"  # ...and this thema

SOORTEN = ["password", "groups"]
OP = ["aanbod", "organisatie"]


@pytest.fixture
def aanbod(site_tree, index_dir):
    open_org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Open", slug="wgc-open")
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Dicht", slug="wgc-dicht")
    beweging, mondzorg = Thema.objects.get(slug="beweging"), Thema.objects.get(slug=GEHEIM)
    zichtbaar = publish(AanbodPageFactory(parent=open_org, title="Wandelen", themas=[beweging]))
    verborgen = publish(
        AanbodPageFactory(
            parent=org, title=f"Poetsles {WOORD.capitalize()}", themas=[mondzorg],
            in_het_kort=f"Tanden poetsen met de {WOORD}.",
        )
    )  # fmt: skip
    rebuild()
    return SimpleNamespace(org=org, zichtbaar=zichtbaar, verborgen=verborgen)


def _restrict(page, soort):
    if soort == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgverleners"))
    return restriction


def _target(aanbod, op):
    return aanbod.verborgen if op == "aanbod" else aanbod.org


def _page(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["zoek"], response.content.decode()


def _api(client, params):
    response = client.get(API, params)
    assert response.status_code == 200
    return json.loads(response.content)


def _facet_count(zoek, facet, value):
    (found,) = [f for f in zoek.facets if f.name == facet]
    return next((v.count for v in found.values if v.value == value), 0)


def _api_count(data, facet, value):
    return next((v["count"] for v in data["facets"][facet] if v["value"] == value), 0)


def _seen(client, aanbod):
    """What the public can learn about the restricted offer, from search and the API."""
    title = aanbod.verborgen.title
    gezocht, html = _page(client, {"q": WOORD})
    alles, alles_html = _page(client, {})
    api_gezocht, api_alles = _api(client, {"q": WOORD}), _api(client, {})
    return {
        "gezocht": gezocht.total,
        "in_html": title in html or title in alles_html,
        "totaal": alles.total,
        "thema": _facet_count(alles, "thema", GEHEIM),
        "organisatie": _facet_count(alles, "organisatie", "wgc-dicht"),
        "api_gezocht": api_gezocht["count"],
        "api_ids": {r["id"] for r in api_alles["results"]},
        "api_totaal": api_alles["count"],
        "api_thema": _api_count(api_alles, "thema", GEHEIM),
        "bedoelde_je": _suggests(client),
    }


def _shown(aanbod):
    return {
        "gezocht": 1, "in_html": True, "totaal": 2, "thema": 1, "organisatie": 1,
        "api_gezocht": 1, "api_totaal": 2, "api_thema": 1,
        "api_ids": {aanbod.zichtbaar.pk, aanbod.verborgen.pk}, "bedoelde_je": (True, True),
    }  # fmt: skip


def _hidden(aanbod):
    return {
        "gezocht": 0, "in_html": False, "totaal": 1, "thema": 0, "organisatie": 0,
        "api_gezocht": 0, "api_totaal": 1, "api_thema": 0, "api_ids": {aanbod.zichtbaar.pk},
        "bedoelde_je": (False, False),
    }  # fmt: skip


def _suggests(client):
    """Does a misspelling make "Bedoelde je" offer the restricted offer's word (page, API)?"""
    zoek, html = _page(client, {"q": TIKFOUT})
    api = _api(client, {"q": TIKFOUT})
    return (
        WOORD in (zoek.suggestion or "") or WOORD in html.lower(),
        WOORD in (api["suggestion"] or ""),
    )


@pytest.mark.parametrize("op", OP)
@pytest.mark.parametrize("soort", SOORTEN)
def test_restriction_hides_the_offer_and_removing_it_brings_it_back(
    client, aanbod, django_capture_on_commit_callbacks, soort, op
):
    assert _seen(client, aanbod) == _shown(aanbod)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = _restrict(_target(aanbod, op), soort)
    assert _seen(client, aanbod) == _hidden(aanbod)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert _seen(client, aanbod) == _shown(aanbod)


@pytest.mark.parametrize("op", OP)
@pytest.mark.parametrize("soort", SOORTEN)
def test_a_stale_index_still_keeps_the_offer_out_of_results_and_the_api(
    client, aanbod, django_capture_on_commit_callbacks, soort, op
):
    # The restriction is saved but the index is not told (a lost update).
    with mock.patch("aanbod.signals.queue"), django_capture_on_commit_callbacks(execute=True):
        _restrict(_target(aanbod, op), soort)
    title = aanbod.verborgen.title

    gezocht, html = _page(client, {"q": WOORD})
    assert title not in html
    assert gezocht.results == [] and gezocht.total == 0
    assert "Geen aanbod gevonden" in html
    alles, html = _page(client, {})
    assert [r.kaart.pk for r in alles.results] == [aanbod.zichtbaar.pk]
    assert alles.total == 1 and "1 aanbod gevonden" in html and title not in html

    data = _api(client, {"q": WOORD})
    assert data["results"] == [] and data["count"] == 0
    data = _api(client, {})
    assert [r["id"] for r in data["results"]] == [aanbod.zichtbaar.pk]
    assert data["count"] == 1 and title not in json.dumps(data)

    # The last filter also had the stale offer reindexed: counts and suggestions are right too.
    with django_capture_on_commit_callbacks(execute=True):
        _page(client, {"q": WOORD})
    assert _seen(client, aanbod) == _hidden(aanbod)


def test_an_activity_of_a_restricted_offer_does_not_name_it(client, aanbod):
    """The activity stays public (it is not under the offer), the offer it belongs to not."""
    soon = timezone.localdate() + datetime.timedelta(days=3)
    activiteit = maak_activiteit(
        aanbod.zichtbaar.get_parent(), "Poetsmiddag", aanbod=aanbod.verborgen,
        data=[(soon, T(10), T(11))],
    )  # fmt: skip
    _restrict(aanbod.verborgen, "password")
    html = client.get(activiteit.url).content.decode()
    assert "Poetsmiddag" in html
    assert aanbod.verborgen.title not in html
    (found,) = _api_kalender(client)["results"]
    assert found["activity"]["title"] == "Poetsmiddag"
    assert found["offer_id"] is None


def test_an_activity_in_a_restricted_campaign_does_not_name_it(client, aanbod):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    campagne = maak_campagne(
        "Besloten actieweek", "besloten-actieweek", soon, soon + datetime.timedelta(days=7)
    )
    activiteit = maak_activiteit(
        aanbod.zichtbaar.get_parent(), "Poetsmiddag", campagne=campagne,
        data=[(soon, T(10), T(11))],
    )  # fmt: skip
    assert "Besloten actieweek" in client.get(activiteit.url).content.decode()
    assert _api_kalender(client)["results"][0]["campaign"]["title"] == "Besloten actieweek"
    _restrict(campagne, "password")
    html = client.get(activiteit.url).content.decode()
    assert "Poetsmiddag" in html and "Besloten actieweek" not in html
    (found,) = _api_kalender(client)["results"]
    assert found["activity"]["title"] == "Poetsmiddag"
    assert found["campaign"] is None


def _api_kalender(client):
    response = client.get("/api/v1/kalender/")
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_restricted_organisation_is_not_named_even_when_asked_for(
    client, aanbod, django_capture_on_commit_callbacks
):
    asked = {"organisatie": "wgc-dicht"}
    assert "WGC Dicht" in _page(client, asked)[1]  # the choices are cached now
    with django_capture_on_commit_callbacks(execute=True):
        _restrict(aanbod.org, "password")
    zoek, html = _page(client, asked)
    assert "WGC Dicht" not in html
    # As an organisation that does not exist: the choice is ignored, the visible offers listed.
    assert zoek.notices == ["Onbekende keuze genegeerd bij organisatie: wgc-dicht"]
    assert [r.kaart.pk for r in zoek.results] == [aanbod.zichtbaar.pk]
    assert "WGC Dicht" not in json.dumps(_api(client, asked))


def test_the_admins_privacy_dialog_hides_and_shows_the_offer(
    client, aanbod, django_capture_on_commit_callbacks
):
    """As an editor does it: Wagtail's privacy dialog on the organisation page."""
    admin = get_user_model().objects.create_superuser("beheerder", "b@example.org", "wachtwoord")
    group = Group.objects.create(name="Zorgverleners")
    editor = Client()
    editor.force_login(admin)
    url = f"/admin/pages/{aanbod.org.pk}/privacy/"

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, {"restriction_type": "groups", "groups": [group.pk]})
    assert response.status_code == 200 and PageViewRestriction.objects.count() == 1
    assert _seen(client, aanbod) == _hidden(aanbod)

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(url, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.exists()
    assert _seen(client, aanbod) == _shown(aanbod)
