"""Wagtail reports that would show other organisations' page titles stay closed to partners."""

from django.urls import reverse

import pytest

from tests.aanbod.factories import AanbodPageFactory

REPORTS = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:page_types_usage",
]


@pytest.fixture
def b_draft(partner_b):
    # The most recently edited page of its type: exactly what the page-types report names.
    return AanbodPageFactory(
        parent=partner_b.organisatie, title="Geheim concept van Beta", live=False
    )


@pytest.mark.parametrize("report", REPORTS)
def test_partner_never_sees_other_organisations_titles_in_reports(
    client, partner_a, partner_b, b_draft, report
):
    client.force_login(partner_a.user)
    response = client.get(reverse(report))
    assert response.status_code in (200, 302, 403)
    html = response.content.decode()
    assert b_draft.title not in html
    assert partner_b.offer.title not in html


def test_page_types_usage_is_forbidden_for_partners_but_open_to_coordinators(
    client, partner_a, coordinator, b_draft
):
    client.force_login(partner_a.user)
    assert client.get("/admin/reports/page-types-usage/").status_code == 403
    client.force_login(coordinator)
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200
    assert "Organisatie" in response.content.decode()
