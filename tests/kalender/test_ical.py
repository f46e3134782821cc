"""/kalender/ical/: valid RFC 5545 parsed back with `icalendar`; occurrences, series, DST,
escaping of partner text, folding, filters and stable UIDs."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from kalender.enums import Herhaling
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

D = datetime.date
BXL = ZoneInfo("Europe/Brussels")
NASTY = 'Lezing, met; "quotes" \\ en\nBEGIN:VEVENT\nEND:VCALENDAR'


def feed(client, query=""):
    response = client.get(f"/kalender/ical/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response, icalendar.Calendar.from_ical(response.content)


def events(cal):
    return list(cal.walk("VEVENT"))


@pytest.fixture
def reeks(partner_a, vocab):
    """Every Tuesday 19:00-21:00 from 17 March 2026, 8 times, 31 March cancelled."""
    return maak_activiteit(
        partner_a.organisatie, "Wandelgroep op dinsdag",
        herhaling=Herhaling.WEKELIJKS, eerste_dag=D(2026, 3, 17), start_tijd=T(19),
        eind_tijd=T(21), herhaal_aantal=8, uitzonderingen=[D(2026, 3, 31)],
        m2m={"themas": [vocab["beweging"]], "wijken": [vocab["rabot"]]},
        locatie_naam="Park", straat_nummer="Parkstraat 1", postcode="9000",
    )  # fmt: skip


def test_series_is_one_vevent_with_rrule_exdate_and_brussels_vtimezone(client, reeks):
    response, cal = feed(client, "van=2026-03-01&tot=2026-06-30")
    (event,) = events(cal)
    assert str(event["uid"]) == f"activiteit-{reeks.pk}@kalender.preventiezoeker.gent"
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2026, 3, 17, 19, tzinfo=BXL)
    assert event["dtstart"].params["TZID"] == "Europe/Brussels"
    assert event.decoded("dtend") == datetime.datetime(2026, 3, 17, 21, tzinfo=BXL)
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert rule["UNTIL"][0].tzinfo is not None  # UTC, as RFC 5545 demands with a TZID start
    exdates = [d.dt for ex in [event["exdate"]] for d in ex.dts]
    assert exdates == [datetime.datetime(2026, 3, 31, 19, tzinfo=BXL)]
    assert str(event["url"]).endswith(reeks.url)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Brussels"

    # Expanding the feed's own rule gives the same dates as the page: 19:00 local, across DST.
    until = rule["UNTIL"][0]
    rset = rrulestr(event["rrule"].to_ical().decode(), dtstart=start, forceset=True, unfold=True)
    for ex in exdates:
        rset.exdate(ex)
    dates = list(rset)
    assert len(dates) == 7 and dates[-1] <= until
    assert {d.astimezone(BXL).strftime("%H:%M") for d in dates} == {"19:00"}
    assert [d.astimezone(BXL).date() for d in dates[:3]] == [
        D(2026, 3, 17), D(2026, 3, 24), D(2026, 4, 7),
    ]  # fmt: skip
    assert dates[0].utcoffset() != dates[2].utcoffset()  # the offset changed, the hour did not


def test_explicit_dates_are_one_event_each_with_stable_uids(client, partner_a):
    act = maak_activiteit(
        partner_a.organisatie, "Infoavond",
        data=[(D(2026, 10, 24), T(19, 30), T(21)), (D(2026, 10, 26), T(19, 30), T(21)),
              (D(2026, 10, 30), None, None)],
    )  # fmt: skip
    _, cal = feed(client, "van=2026-10-01&tot=2026-11-30")
    found = sorted((str(e["uid"]), e.decoded("dtstart")) for e in events(cal))
    assert [uid for uid, _ in found] == [
        f"activiteit-{act.pk}-20261024T1930@kalender.preventiezoeker.gent",
        f"activiteit-{act.pk}-20261026T1930@kalender.preventiezoeker.gent",
        f"activiteit-{act.pk}-20261030T0000@kalender.preventiezoeker.gent",
    ]
    # Before and after the October change: both 19:30 local.
    assert found[0][1].astimezone(BXL).strftime("%H:%M %z") == "19:30 +0200"
    assert found[1][1].astimezone(BXL).strftime("%H:%M %z") == "19:30 +0100"
    assert found[2][1] == D(2026, 10, 30)  # all day: a DATE
    # Re-publishing rebuilds the stored occurrences; the UIDs stay.
    act.save_revision().publish()
    _, again = feed(client, "van=2026-10-01&tot=2026-11-30")
    assert sorted(str(e["uid"]) for e in events(again)) == [uid for uid, _ in found]


def test_partner_text_is_escaped_and_long_lines_folded(client, partner_a):
    maak_activiteit(
        partner_a.organisatie, NASTY.replace("\n", " ")[:200],
        in_het_kort=NASTY + " " + "lang " * 40, locatie_naam="Zaal; A, B \\ C",
        data=[(D(2026, 6, 2), T(9), T(10))],
    )  # fmt: skip
    response, cal = feed(client, "van=2026-06-01&tot=2026-06-30")
    raw = response.content.decode()
    lines = raw.split("\r\n")
    # The partner's "BEGIN:VEVENT" stays inside a value: never a line of its own.
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VCALENDAR") == 1
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\r\n " in raw  # folded
    (event,) = events(cal)
    assert str(event["description"]).startswith(NASTY)
    assert str(event["location"]).startswith("Zaal; A, B \\ C")
    assert "\\;" in raw and "\\," in raw and "\\\\" in raw and "\\n" in raw


def test_filters_campaign_offer_and_facets(client, partner_a, partner_b, vocab):
    campagne = maak_campagne(
        "Maand van de mondzorg", "maand-van-de-mondzorg", D(2026, 3, 1), D(2026, 3, 31)
    )
    in_campagne = maak_activiteit(
        partner_a.organisatie, "Poetsles", campagne=campagne,
        data=[(D(2026, 3, 10), T(9), T(10))], m2m={"themas": [vocab["mondzorg"]]},
    )  # fmt: skip
    bij_aanbod = maak_activiteit(
        partner_b.organisatie, "Beweegmoment", aanbod=partner_b.offer,
        data=[(D(2026, 3, 11), T(9), T(10))],
    )  # fmt: skip
    base = "van=2026-03-01&tot=2026-03-31"

    def titles(query):
        return sorted(str(e["summary"]) for e in events(feed(client, f"{base}&{query}")[1]))

    assert titles("") == ["Beweegmoment", "Poetsles"]
    assert titles("campagne=maand-van-de-mondzorg") == ["Poetsles"]
    assert titles(f"aanbod={partner_b.offer.pk}") == ["Beweegmoment"]
    # The activity has no themes of its own: it takes the offer's (beweging).
    assert titles("thema=beweging") == ["Beweegmoment"]
    assert titles("thema=mondzorg") == ["Poetsles"]
    assert titles(f"activiteit={in_campagne.pk}") == ["Poetsles"]
    cal = feed(client, f"{base}&campagne=maand-van-de-mondzorg")[1]
    assert str(cal["X-WR-CALNAME"]) == "Preventiezoeker Gent: Maand van de mondzorg"
    assert bij_aanbod.pk != in_campagne.pk


def test_unpublished_and_deleted_activities_leave_the_feed(client, partner_a):
    act = maak_activiteit(partner_a.organisatie, "Eenmalig", data=[(D(2026, 6, 2), T(9), T(10))])
    query = "van=2026-06-01&tot=2026-06-30"
    assert len(events(feed(client, query)[1])) == 1
    act.unpublish()
    assert events(feed(client, query)[1]) == []
    act.save_revision().publish()
    assert len(events(feed(client, query)[1])) == 1
    act.delete()
    assert events(feed(client, query)[1]) == []


@pytest.mark.parametrize(
    "query",
    ["van=2026-13-45", "van=2027-01-01&tot=2026-01-01", "tot=9999-12-31", "van=0001-01-01",
     "aanbod=abc", "thema=bestaat-niet", "periode=ooit", "q=" + "x" * 5000, "van=%00"],
)  # fmt: skip
def test_bad_input_still_gives_a_valid_feed(client, query, site_tree):
    _, cal = feed(client, query)
    assert cal["VERSION"] == "2.0"


def test_all_day_series_uses_dates_and_a_cancelled_last_date(client, partner_a):
    maak_activiteit(
        partner_a.organisatie, "Infostand op de markt", hele_dag=True,
        herhaling=Herhaling.TWEEWEKELIJKS, eerste_dag=D(2026, 3, 21), herhaal_aantal=4,
        uitzonderingen=[D(2026, 5, 2)],
    )  # fmt: skip
    _, cal = feed(client, "van=2026-03-01&tot=2026-05-31")
    (event,) = events(cal)
    assert event.decoded("dtstart") == D(2026, 3, 21)
    assert event.decoded("dtend") == D(2026, 3, 22)
    assert event["rrule"]["INTERVAL"] == [2]
    rset = rrulestr(
        event["rrule"].to_ical().decode(),
        dtstart=datetime.datetime(2026, 3, 21),
        forceset=True,
    )
    # 21 March, 4 April, 18 April, 2 May (cancelled, the last one): UNTIL stops at 18 April.
    assert [d.date() for d in rset] == [D(2026, 3, 21), D(2026, 4, 4), D(2026, 4, 18)]
