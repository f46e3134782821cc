"""What a partner sees when the dates of an activity are not right: a clear Dutch message in the
admin form and nothing saved - never an endless series."""

import pytest

from kalender.models import ActiviteitPage
from tests.aanbod.test_permissions import add_form_data, client_for, response_text, with_changes

URL_NAME = "wagtailadmin_pages:add"


def post(partner, **changes):
    from django.urls import reverse

    client = client_for(partner.user)
    form = add_form_data(client, "kalender", "activiteitpage", partner.organisatie)
    data = with_changes(
        form, title="Beweegmoment", slug="beweegmoment", in_het_kort="Samen.", **changes
    )
    return client.post(
        reverse(URL_NAME, args=["kalender", "activiteitpage", partner.organisatie.pk]), data
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({}, "Vul minstens één datum in, of kies hoe vaak de activiteit herhaalt."),
        (
            {"herhaling": "wekelijks", "eerste_dag": "2026-12-01", "start_tijd": "19:00"},
            "Tot wanneer herhaalt de activiteit? Vul een datum of een aantal keer in.",
        ),
        (
            {"herhaling": "wekelijks", "eerste_dag": "2026-12-01", "start_tijd": "19:00",
             "herhaal_tot": "2030-01-01"},
            "Hoogstens 2 jaar na de eerste keer.",
        ),
        (
            {"herhaling": "wekelijks", "eerste_dag": "2026-12-01", "start_tijd": "19:00",
             "herhaal_tot": "2026-11-01"},
            "Deze datum ligt voor de eerste keer.",
        ),
        (
            {"herhaling": "maandelijks", "eerste_dag": "2026-12-01", "herhaal_aantal": "3"},
            "Vul een beginuur in, of vink",
        ),
        (
            {"herhaling": "wekelijks", "eerste_dag": "2026-12-01", "start_tijd": "19:00",
             "eind_tijd": "18:00", "herhaal_aantal": "3"},
            "Het einduur moet na het beginuur liggen.",
        ),
        (
            {"herhaling": "wekelijks", "eerste_dag": "2026-12-01", "start_tijd": "19:00",
             "herhaal_aantal": "5000"},
            "Hoogstens 500 keer.",
        ),
    ],
)  # fmt: skip
def test_wrong_dates_give_a_clear_message_and_save_nothing(partner_a, changes, message):
    response = post(partner_a, **changes)
    assert response.status_code == 200
    assert message in response_text(response).replace("&#x27;", "'")
    assert not ActiviteitPage.objects.exists()


def test_explicit_dates_through_the_inline(partner_a):
    response = post(
        partner_a,
        **{
            "losse_data-TOTAL_FORMS": "2",
            "losse_data-0-datum": "2026-12-03", "losse_data-0-start_tijd": "14:00",
            "losse_data-0-eind_tijd": "15:00", "losse_data-0-ORDER": "1",
            "losse_data-1-datum": "2026-12-10", "losse_data-1-ORDER": "2",
        },
    )  # fmt: skip
    assert response.status_code == 302, response_text(response)[:2000]
    act = ActiviteitPage.objects.get()
    latest = act.get_latest_revision_as_object()
    assert [(m.start.isoformat(), m.hele_dag) for m in latest.bereken_momenten()] == [
        ("2026-12-03T14:00:00+01:00", False),
        ("2026-12-10T00:00:00+01:00", True),
    ]
