"""The whole journey: a partner adds a weekly activity for its offer and a campaign in the admin
and submits it; nothing is public until the coordinator approves; then it is in the calendar, on
the campaign page, on the offer page and in the iCal feed - at 19:00 every week."""

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import icalendar

from kalender.models import ActiviteitPage, Moment
from tests.aanbod.test_permissions import add_form_data, client_for, response_text, with_changes
from tests.kalender.conftest import maak_campagne

BXL = ZoneInfo("Europe/Brussels")
TITEL = "Wandelen met de beweegcoach"


def test_partner_submits_coordinator_approves_and_it_appears_everywhere(
    partner_a, coordinator, site_tree
):
    today = timezone.localdate()
    eerste = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)  # next Tuesday
    campagne = maak_campagne("Beweegweek", "beweegweek", today, today + datetime.timedelta(days=60))
    a_client = client_for(partner_a.user)
    form = add_form_data(a_client, "kalender", "activiteitpage", partner_a.organisatie)
    data = with_changes(
        form, title=TITEL, slug="wandelen-coach", in_het_kort="Elke dinsdag samen wandelen.",
        aanbod=partner_a.offer.pk, campagne=campagne.pk, herhaling="wekelijks",
        eerste_dag=eerste.isoformat(), start_tijd="19:00", eind_tijd="20:30",
        herhaal_aantal="6", locatie_naam="Parkingang", **{"action-submit": "1"},
    )  # fmt: skip
    # One cancelled date, through the inline formset like the editor does.
    data["uitzonderingen-TOTAL_FORMS"] = "1"
    data["uitzonderingen-0-datum"] = (eerste + datetime.timedelta(weeks=1)).isoformat()
    data["uitzonderingen-0-ORDER"] = "1"
    response = a_client.post(
        reverse(
            "wagtailadmin_pages:add", args=["kalender", "activiteitpage", partner_a.organisatie.pk]
        ),
        data,
    )
    assert response.status_code == 302, response_text(response)[:3000]
    act = ActiviteitPage.objects.get(slug="wandelen-coach")
    assert act.workflow_in_progress and not act.live
    assert not Moment.objects.filter(activiteit=act).exists()
    public = Client()
    assert TITEL not in response_text(public.get("/kalender/"))

    task_state = act.current_workflow_task_state
    response = client_for(coordinator).post(
        reverse("wagtailadmin_pages:workflow_action", args=[act.pk, "approve", task_state.pk]),
        {"comment": "Top"},
    )
    assert response.status_code == 302
    act = ActiviteitPage.objects.get(pk=act.pk)
    assert act.live
    stored = list(Moment.objects.filter(activiteit=act))
    assert len(stored) == 5  # six Tuesdays, one cancelled
    assert {timezone.localtime(v.start, BXL).strftime("%a %H:%M") for v in stored} == {"Tue 19:00"}

    calendar_html = response_text(public.get("/kalender/"))
    assert TITEL in calendar_html and "19.00 tot 20.30 uur" in calendar_html
    assert TITEL in response_text(public.get(campagne.url))
    assert "WGC Alfa" in response_text(public.get(campagne.url))
    offer_html = response_text(public.get(partner_a.offer.url))
    assert "Volgende data" in offer_html and "19.00 tot 20.30 uur" in offer_html
    assert TITEL in response_text(public.get(act.url))

    for query in ("", "campagne=beweegweek", f"aanbod={partner_a.offer.pk}"):
        cal = icalendar.Calendar.from_ical(public.get(f"/kalender/ical/?{query}").content)
        (event,) = [e for e in cal.walk("VEVENT") if str(e["summary"]) == TITEL]
        assert event.decoded("dtstart") == datetime.datetime.combine(
            eerste, datetime.time(19), tzinfo=BXL
        )
        assert event["rrule"]["FREQ"] == ["WEEKLY"]
        assert len(event["exdate"].dts) == 1
