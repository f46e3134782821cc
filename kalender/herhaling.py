"""Turn an activity's dates into concrete occurrences (iCalendar RFC 5545 semantics, dateutil).

Rules are expanded on naive *local* wall-clock times and only then placed in Europe/Brussels, so
a session every Tuesday at 19:00 stays at 19:00 across daylight-saving changes. Expansion is always
bounded: at most MAX_MOMENTEN occurrences and HORIZON after the first date, whatever the data.
"""

import datetime
from dataclasses import dataclass
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil import rrule

from .enums import Herhaling

TZ = ZoneInfo("Europe/Brussels")
MAX_MOMENTEN = 500
HORIZON = datetime.timedelta(days=2 * 366)
WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


@dataclass(frozen=True)
class Tijdvak:
    """When one moment takes place, before it is stored as a kalender.models.Moment."""

    start: datetime.datetime  # aware, Europe/Brussels
    einde: datetime.datetime
    hele_dag: bool
    uit_regel: bool


def lokaal(day: datetime.date, time: datetime.time | None) -> datetime.datetime:
    return datetime.datetime.combine(day, time or datetime.time(0), tzinfo=TZ)


def eindmoment(day, start_tijd, eind_tijd, hele_dag):
    if hele_dag or start_tijd is None:
        return lokaal(day + datetime.timedelta(days=1), None)
    if eind_tijd is None or eind_tijd <= start_tijd:
        # No (sensible) end time: one hour, the usual assumption of calendar clients.
        return lokaal(day, start_tijd) + datetime.timedelta(hours=1)
    return lokaal(day, eind_tijd)


def n_de_weekdag(day: datetime.date) -> int:
    """2 for the second Tuesday of the month; -1 for a fifth one ("the last")."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def regel(herhaling, eerste_dag, start_tijd, tot=None, aantal=None, hele_dag=False):
    """The dateutil rrule (naive local datetimes) for a repeating activity, bounded."""
    dtstart = datetime.datetime.combine(
        eerste_dag, datetime.time(0) if hele_dag or start_tijd is None else start_tijd
    )
    weekday = WEEKDAYS[eerste_dag.weekday()]
    grens = dtstart + HORIZON
    until = grens
    if tot is not None:
        until = min(grens, datetime.datetime.combine(tot, datetime.time.max))
    count = min(aantal, MAX_MOMENTEN) if aantal else None
    kwargs = {"dtstart": dtstart, "until": until}
    if count:
        kwargs["count"] = count
        del kwargs["until"]  # dateutil refuses both; the horizon is applied while iterating
    if herhaling == Herhaling.WEKELIJKS:
        return rrule.rrule(rrule.WEEKLY, byweekday=weekday, **kwargs), grens
    if herhaling == Herhaling.TWEEWEKELIJKS:
        return rrule.rrule(rrule.WEEKLY, interval=2, byweekday=weekday, **kwargs), grens
    if herhaling == Herhaling.MAANDELIJKS:
        nth = weekday(n_de_weekdag(eerste_dag))
        return rrule.rrule(rrule.MONTHLY, byweekday=nth, **kwargs), grens
    raise ValueError(f"onbekende herhaling: {herhaling!r}")


def uit_regel(
    herhaling,
    eerste_dag,
    start_tijd,
    eind_tijd,
    tot=None,
    aantal=None,
    uitzonderingen=(),
    hele_dag=False,
):
    """The occurrences of a rule, minus the cancelled dates."""
    rule, grens = regel(herhaling, eerste_dag, start_tijd, tot, aantal, hele_dag)
    skip = set(uitzonderingen)
    result = []
    for naive in islice(rule, MAX_MOMENTEN):
        if naive > grens:
            break
        day = naive.date()
        if day in skip:
            continue
        start = lokaal(day, None if hele_dag else start_tijd)
        result.append(
            Tijdvak(start, eindmoment(day, start_tijd, eind_tijd, hele_dag), hele_dag, True)
        )
    return result


def losse_data(data, hele_dag=False):
    """Explicit dates: iterable of (day, start_tijd, eind_tijd); capped like rules."""
    result = []
    for day, start_tijd, eind_tijd in islice(sorted(set(data), key=_sort_key), MAX_MOMENTEN):
        all_day = hele_dag or start_tijd is None
        start = lokaal(day, None if all_day else start_tijd)
        result.append(
            Tijdvak(start, eindmoment(day, start_tijd, eind_tijd, all_day), all_day, False)
        )
    return result


def _sort_key(item):
    day, start_tijd, _eind = item
    return (day, start_tijd or datetime.time(0))
