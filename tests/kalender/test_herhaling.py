"""Recurrence expansion (kalender/herhaling.py): RFC 5545 semantics in Brussels wall-clock time,
always bounded."""

import datetime

import pytest

from kalender import herhaling as hh
from kalender.enums import Herhaling

D = datetime.date
T = datetime.time


def starts(moments):
    return [(m.start.date(), m.start.strftime("%H:%M"), m.start.utcoffset()) for m in moments]


def test_weekly_tuesday_19h_stays_19h_across_both_dst_changes():
    # 2026: summer time starts Sunday 29 March, ends Sunday 25 October.
    maart = hh.uit_regel(Herhaling.WEKELIJKS, D(2026, 3, 17), T(19), T(21), aantal=3)
    assert [m.start.date() for m in maart] == [D(2026, 3, 17), D(2026, 3, 24), D(2026, 3, 31)]
    assert {m.start.strftime("%H:%M") for m in maart} == {"19:00"}
    assert [m.start.utcoffset().total_seconds() / 3600 for m in maart] == [1, 1, 2]
    assert [m.start.astimezone(datetime.UTC).hour for m in maart] == [18, 18, 17]
    oktober = hh.uit_regel(Herhaling.WEKELIJKS, D(2026, 10, 20), T(19), T(21), aantal=2)
    assert [(m.start.strftime("%H:%M"), m.einde.strftime("%H:%M")) for m in oktober] == [
        ("19:00", "21:00"),
        ("19:00", "21:00"),
    ]
    assert [m.start.utcoffset().total_seconds() / 3600 for m in oktober] == [2, 1]


def test_every_two_weeks_until_a_date_inclusive():
    moments = hh.uit_regel(Herhaling.TWEEWEKELIJKS, D(2026, 1, 5), T(10), T(11), tot=D(2026, 2, 16))
    assert [m.start.date() for m in moments] == [
        D(2026, 1, 5), D(2026, 1, 19), D(2026, 2, 2), D(2026, 2, 16),
    ]  # fmt: skip


def test_monthly_on_the_nth_weekday():
    # 14 January 2026 is the second Wednesday.
    moments = hh.uit_regel(Herhaling.MAANDELIJKS, D(2026, 1, 14), T(14), T(16), aantal=4)
    assert [m.start.date() for m in moments] == [
        D(2026, 1, 14), D(2026, 2, 11), D(2026, 3, 11), D(2026, 4, 8),
    ]  # fmt: skip
    assert all(m.start.weekday() == 2 for m in moments)


def test_monthly_on_a_fifth_weekday_means_the_last():
    # 29 January 2026 is the fifth (last) Thursday; February has only four.
    moments = hh.uit_regel(Herhaling.MAANDELIJKS, D(2026, 1, 29), T(9), None, aantal=2)
    assert [m.start.date() for m in moments] == [D(2026, 1, 29), D(2026, 2, 26)]
    assert moments[0].einde - moments[0].start == datetime.timedelta(hours=1)


def test_exceptions_are_left_out_and_count_includes_them():
    moments = hh.uit_regel(
        Herhaling.WEKELIJKS, D(2026, 5, 4), T(14), T(15), aantal=4,
        uitzonderingen=[D(2026, 5, 11)],
    )  # fmt: skip
    # RFC 5545: COUNT counts the rule's dates, EXDATE then removes some.
    assert [m.start.date() for m in moments] == [D(2026, 5, 4), D(2026, 5, 18), D(2026, 5, 25)]


def test_all_day_occurrences_span_local_midnight_to_midnight():
    moments = hh.uit_regel(Herhaling.WEKELIJKS, D(2026, 3, 28), None, None, aantal=2, hele_dag=True)
    first = moments[0]
    assert first.hele_dag
    assert first.start.isoformat() == "2026-03-28T00:00:00+01:00"
    assert first.einde.isoformat() == "2026-03-29T00:00:00+01:00"
    assert moments[1].start.isoformat() == "2026-04-04T00:00:00+02:00"


@pytest.mark.parametrize(
    "kwargs",
    [
        {},  # no end at all
        {"tot": D(2999, 1, 1)},
        {"aantal": 60000},
    ],
)
def test_expansion_is_always_bounded(kwargs):
    moments = hh.uit_regel(Herhaling.WEKELIJKS, D(2026, 1, 6), T(19), T(20), **kwargs)
    assert 0 < len(moments) <= hh.MAX_MOMENTEN
    assert moments[-1].start.date() - D(2026, 1, 6) <= hh.HORIZON


def test_explicit_dates_are_sorted_deduplicated_and_capped():
    data = [(D(2026, 6, 2), T(9), T(10)), (D(2026, 6, 1), None, None), (D(2026, 6, 2), T(9), T(10))]
    moments = hh.losse_data(data)
    assert [(m.start.date(), m.hele_dag) for m in moments] == [
        (D(2026, 6, 1), True),
        (D(2026, 6, 2), False),
    ]
    many = [(D(2026, 1, 1) + datetime.timedelta(days=n), T(9), T(10)) for n in range(700)]
    assert len(hh.losse_data(many)) == hh.MAX_MOMENTEN
