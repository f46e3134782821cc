"""The moderation workflow as the people using it see it: a partner submits, the coordinator finds
the submission in the admin, compares it with what is live and approves it. The admin speaks Dutch
and shows each role only the menus it may use."""

import json
import re

from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.models import AanbodPage

NIEUWE_TITEL = "Beweegcoach Alfa, nu ook op zaterdag"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def text(response):
    return response.content.decode()


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def edit_form_data(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return querydict_from_html(text(response), form_id="page-edit-form")


def with_changes(querydict, **changes):
    data = querydict.copy()
    for key, value in changes.items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        else:
            data[key] = str(value)
    return data


def submit(client, page, **changes):
    data = with_changes(edit_form_data(client, page), **changes)
    data["action-submit"] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def menu_labels(response):
    """All labels of the admin sidebar (main menu, submenus and account menu)."""
    match = re.search(
        r'<script[^>]*id="wagtail-sidebar-props"[^>]*>(.*?)</script>', text(response), re.S
    )
    assert match, "no sidebar in the admin page"
    labels = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match.group(1)))
    return labels


@pytest.fixture
def ingediend(partner_a):
    """Partner A has submitted a new title for its live offer."""
    offer = partner_a.offer
    live_revision_id = offer.live_revision_id
    response = submit(client_for(partner_a.user), offer, title=NIEUWE_TITEL)
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.workflow_in_progress
    assert offer.live_revision_id == live_revision_id
    return offer


# ---------------------------------------------------------------------------------------------
# The coordinator finds, compares and approves the submission
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["wagtailadmin_home", "wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"],
)
def test_coordinator_sees_the_submission(coordinator, ingediend, url_name):
    response = client_for(coordinator).get(reverse(url_name))
    assert response.status_code == 200
    assert NIEUWE_TITEL in text(response)


def test_dashboard_lists_the_submission_under_review_with_an_approve_action(coordinator, ingediend):
    response = client_for(coordinator).get(reverse("wagtailadmin_home"))
    html = text(response)
    task_state = ingediend.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[ingediend.pk, "approve", task_state.pk]
    )
    assert approve_url in html
    assert "Goedkeuren" in html  # Dutch


def test_coordinator_sees_revisions_and_compares_with_live(coordinator, partner_a, ingediend):
    client = client_for(coordinator)
    history = client.get(reverse("wagtailadmin_pages:history", args=[ingediend.pk]))
    assert history.status_code == 200
    revisions_index = client.get(
        reverse("wagtailadmin_pages:revisions_index", args=[ingediend.pk]), follow=True
    )
    assert revisions_index.status_code == 200

    submitted = ingediend.current_workflow_state.current_task_state.revision
    # The history links the submitted revision and its comparison with the previous one ...
    previous = ingediend.live_revision
    assert f"/revisions/{submitted.pk}/view/" in text(history)
    assert reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[ingediend.pk, str(previous.pk), str(submitted.pk)],
    ) in text(history)
    # ... and the coordinator can compare the submission with what is live now.
    response = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[ingediend.pk, "live", str(submitted.pk)],
        )
    )
    assert response.status_code == 200
    # Word diff: "Beweegcoach <span class=deletion>WGC Alfa</span><span class=addition>...".
    html = text(response)
    assert 'class="deletion"' in html and 'class="addition"' in html
    assert "Beweegcoach WGC Alfa" in plain(re.sub(r'<span class="addition">.*?</span>', "", html))
    assert NIEUWE_TITEL in plain(re.sub(r'<span class="deletion">.*?</span>', "", html))


def test_coordinator_approves_and_the_offer_goes_live(coordinator, partner_a, ingediend):
    task_state = ingediend.current_workflow_task_state
    response = client_for(coordinator).post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[ingediend.pk, "approve", task_state.pk]
        ),
        {"comment": "In orde"},
    )
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=ingediend.pk)
    assert offer.live and offer.title == NIEUWE_TITEL
    assert not offer.workflow_in_progress
    state = WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(offer.pk))
    assert state.get().status == WorkflowState.STATUS_APPROVED
    assert NIEUWE_TITEL in text(Client().get(offer.url))


def test_coordinator_requests_changes_and_nothing_goes_live(coordinator, partner_a, ingediend):
    task_state = ingediend.current_workflow_task_state
    response = client_for(coordinator).post(
        reverse("wagtailadmin_pages:workflow_action", args=[ingediend.pk, "reject", task_state.pk]),
        {"comment": "Graag nog een adres"},
    )
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=ingediend.pk)
    assert offer.title == "Beweegcoach WGC Alfa"
    assert offer.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


# ---------------------------------------------------------------------------------------------
# Dutch admin, menus per role
# ---------------------------------------------------------------------------------------------


def test_admin_speaks_dutch_to_partners(partner_a):
    response = client_for(partner_a.user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = text(response)
    assert re.search(r'<html[^>]*\blang="nl"', html)
    assert "Pagina's" in menu_labels(response)
    assert "Uitloggen" in menu_labels(response)
    assert "Log out" not in html and "Dashboard" not in menu_labels(response)


def test_edit_form_speaks_dutch(partner_a):
    response = client_for(partner_a.user).get(
        reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk])
    )
    html = text(response)
    assert "Stuur door naar Goedkeuring door de coördinator" in html
    assert "Submit to" not in html and "Save draft" not in html


def test_partner_menu_hides_lists_settings_users_and_groups(partner_a):
    labels = menu_labels(client_for(partner_a.user).get(reverse("wagtailadmin_home")))
    assert "Pagina's" in labels and "Afbeeldingen" in labels and "Documenten" in labels
    for hidden in ("Lijsten", "Instellingen", "Gebruikers", "Groepen"):
        assert hidden not in labels, labels
    assert "Thema's" not in labels and "Site-instellingen" not in labels


def test_coordinator_menu_shows_lists_and_settings(coordinator):
    labels = menu_labels(client_for(coordinator).get(reverse("wagtailadmin_home")))
    assert "Lijsten" in labels
    assert "Thema's" in labels and "Talen" in labels
    assert "Instellingen" in labels


# ---------------------------------------------------------------------------------------------
# Required vocabularies: checked when submitting, not when saving a draft
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "leeg", [["themas"], ["talen"], ["themas", "talen"]], ids=lambda v: "+".join(v)
)
def test_offer_without_thema_or_taal_cannot_be_submitted(partner_a, leeg):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    revisions = offer.revisions.count()
    response = submit(client, offer, title="Zonder keuze", **{field: [] for field in leeg})
    assert response.status_code == 200  # the form again, with errors
    form = response.context["form"]
    assert set(leeg) <= set(form.errors)
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert not offer.workflow_in_progress
    assert offer.revisions.count() == revisions
    assert offer.title == "Beweegcoach WGC Alfa"


def test_offer_without_thema_or_taal_can_be_saved_as_draft(partner_a):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    revisions = offer.revisions.count()
    data = with_changes(edit_form_data(client, offer), title="Nog niet af", themas=[], talen=[])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[offer.pk]), data)
    errors = response.context["form"].errors if response.status_code == 200 else {}
    assert response.status_code == 302, f"draft refused: {dict(errors)}"
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.revisions.count() == revisions + 1
    draft = offer.get_latest_revision_as_object()
    assert draft.title == "Nog niet af"
    assert not offer.workflow_in_progress
    # The draft is not live; the public still sees the complete offer.
    assert offer.title == "Beweegcoach WGC Alfa" and list(offer.themas.all())
