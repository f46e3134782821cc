"""Activities follow the offers' permission model: a partner only touches its own organisation's
activities. Crafted admin URLs and POSTs by partner A against partner B are refused and - what
matters - leave the database unchanged. Positive controls show the same requests work for the
rightful user, so these tests can fail.
"""

import datetime
import re

from django.urls import reverse

import pytest

from kalender.enums import Herhaling
from kalender.models import ActiviteitPage, Moment
from tests.aanbod.test_permissions import (
    add_form_data,
    assert_db_unchanged,
    client_for,
    db_state,
    edit_form_data,
    is_refused,
    response_text,
    with_changes,
)
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

KAPING = "Overgenomen door WGC Alfa"
D = datetime.date


@pytest.fixture
def b_act(partner_b):
    return maak_activiteit(
        partner_b.organisatie, "Beweegmoment Beta", aanbod=partner_b.offer,
        herhaling=Herhaling.WEKELIJKS, eerste_dag=D(2026, 12, 1), start_tijd=T(19),
        eind_tijd=T(20), herhaal_aantal=4,
    )  # fmt: skip


@pytest.fixture
def a_client(partner_a):
    return client_for(partner_a.user)


def nieuwe_activiteit(form, titel, slug, **extra):
    return with_changes(
        form, title=titel, slug=slug, in_het_kort="Kom mee bewegen.",
        herhaling=Herhaling.WEKELIJKS, eerste_dag="2026-12-01", start_tijd="19:00",
        eind_tijd="20:00", herhaal_aantal="4", **extra,
    )  # fmt: skip


def url(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


ATTACKS = {
    "edit-get": lambda w: ("get", url("edit", w.b_act.pk), None),
    "edit-publish": lambda w: (
        "post", url("edit", w.b_act.pk),
        with_changes(w.b_form, title=KAPING, **{"action-publish": "1"}),
    ),
    "edit-submit": lambda w: (
        "post", url("edit", w.b_act.pk),
        with_changes(w.b_form, title=KAPING, **{"action-submit": "1"}),
    ),
    "edit-draft": lambda w: ("post", url("edit", w.b_act.pk), with_changes(w.b_form, title=KAPING)),
    "unpublish": lambda w: ("post", url("unpublish", w.b_act.pk), {}),
    "delete": lambda w: ("post", url("delete", w.b_act.pk), {}),
    "move": lambda w: ("post", url("move_confirm", w.b_act.pk, w.a.organisatie.pk), {}),
    "add-under-b": lambda w: (
        "post", url("add", "kalender", "activiteitpage", w.b.organisatie.pk),
        nieuwe_activiteit(w.a_add_form, "Ondergeschoven", "ondergeschoven"),
    ),
    "add-campaign": lambda w: (
        "post", url("add", "kalender", "campagnepage", w.kalender.pk),
        {"title": "Eigen campagne", "slug": "eigen", "in_het_kort": "x", "start": "2026-12-01",
         "einde": "2026-12-02", "action-publish": "1"},
    ),
}  # fmt: skip


class World:
    def __init__(self, a, b, b_act, kalender):
        self.a, self.b, self.b_act, self.kalender = a, b, b_act, kalender
        self.b_form = edit_form_data(client_for(b.user), b_act)
        self.a_add_form = add_form_data(
            client_for(a.user), "kalender", "activiteitpage", a.organisatie
        )


@pytest.fixture
def world(partner_a, partner_b, b_act, site_tree):
    from kalender.models import KalenderIndexPage

    return World(partner_a, partner_b, b_act, KalenderIndexPage.objects.get())


@pytest.mark.parametrize("attack", ATTACKS)
def test_partner_cannot_touch_another_organisations_activity(a_client, world, attack):
    method, target, data = ATTACKS[attack](world)
    before = db_state()
    response = getattr(a_client, method)(target, data) if data is not None else a_client.get(target)
    assert is_refused(response), (response.status_code, response.get("Location"))
    assert_db_unchanged(before)
    act = ActiviteitPage.objects.get(pk=world.b_act.pk)
    assert act.live and act.title == "Beweegmoment Beta"
    assert Moment.objects.filter(activiteit=act).count() == 4


def test_partner_cannot_link_another_organisations_offer(a_client, world):
    """The offer select only lists the own offers; a crafted id is a form error, not a link."""
    before = db_state()
    data = nieuwe_activiteit(
        world.a_add_form, "Met andermans aanbod", "andermans", aanbod=world.b.offer.pk
    )
    response = a_client.post(url("add", "kalender", "activiteitpage", world.a.organisatie.pk), data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response_text(response)
    assert_db_unchanged(before)
    html = response_text(
        a_client.get(url("add", "kalender", "activiteitpage", world.a.organisatie.pk))
    )
    select = re.search(r'<select name="aanbod".*?</select>', html, re.S).group(0)
    assert world.a.offer.title in select and world.b.offer.title not in select


def test_partner_creates_in_own_organisation_but_cannot_publish(a_client, world):
    data = nieuwe_activiteit(
        world.a_add_form, "Bewegen Alfa", "bewegen-alfa",
        aanbod=world.a.offer.pk, **{"action-publish": "1"},
    )  # fmt: skip
    response = a_client.post(url("add", "kalender", "activiteitpage", world.a.organisatie.pk), data)
    assert response.status_code == 302, response_text(response)[:2000]
    act = ActiviteitPage.objects.get(slug="bewegen-alfa")
    assert act.get_parent().pk == world.a.organisatie.pk
    assert not act.live and not Moment.objects.filter(activiteit=act).exists()


def test_rightful_owner_can_edit_and_coordinator_can_publish(partner_b, coordinator, world):
    b_client = client_for(partner_b.user)
    response = b_client.post(url("edit", world.b_act.pk), with_changes(world.b_form, title="Nieuw"))
    assert response.status_code == 302
    assert ActiviteitPage.objects.get(pk=world.b_act.pk).get_latest_revision_as_object().title == (
        "Nieuw"
    )
    c_client = client_for(coordinator)
    form = edit_form_data(c_client, world.b_act)
    response = c_client.post(
        url("edit", world.b_act.pk),
        with_changes(form, herhaal_aantal="2", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert Moment.objects.filter(activiteit=world.b_act).count() == 2


def test_coordinator_creates_campaigns(coordinator, site_tree):
    from kalender.models import CampagnePage, KalenderIndexPage

    index = KalenderIndexPage.objects.get()
    c_client = client_for(coordinator)
    form = add_form_data(c_client, "kalender", "campagnepage", index)
    response = c_client.post(
        url("add", "kalender", "campagnepage", index.pk),
        with_changes(
            form, title="Week van de valpreventie", slug="valpreventie", in_het_kort="Samen.",
            start="2027-04-20", einde="2027-04-26", **{"action-publish": "1"},
        ),
    )  # fmt: skip
    assert response.status_code == 302, response_text(response)[:2000]
    assert CampagnePage.objects.get(slug="valpreventie").live
    # A campaign whose end lies before its start is refused with a clear message.
    response = c_client.post(
        url("add", "kalender", "campagnepage", index.pk),
        with_changes(form, title="Fout", slug="fout", in_het_kort="x", start="2027-04-20",
                     einde="2027-04-01"),
    )  # fmt: skip
    assert "De laatste dag kan niet voor de eerste dag liggen." in response_text(response)
    assert maak_campagne  # the helper is shared with the other calendar tests


def test_coordinator_copy_that_stays_live_has_its_occurrences(coordinator, world):
    response = client_for(coordinator).post(
        url("copy", world.b_act.pk),
        {
            "new_title": "Beweegmoment Beta (kopie)", "new_slug": "beweegmoment-kopie",
            "new_parent_page": world.b.organisatie.pk, "publish_copies": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302, response_text(response)[:2000]
    kopie = ActiviteitPage.objects.get(slug="beweegmoment-kopie")
    assert kopie.live and Moment.objects.filter(activiteit=kopie).count() == 4
