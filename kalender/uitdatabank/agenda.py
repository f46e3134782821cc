"""An activity's dates in UiTdatabank's calendar model (calendarType, subEvent, openingHours).

From the stored moments of the live version (kalender.models.Moment), so the export says what the
calendar says. The rule:
- a weekly rule without loose dates, each time on the same weekday from the same hour to the same
  hour of that day -> `periodic`: the period with `openingHours`, the cancelled days as
  `openingHoursClosedDays`;
- otherwise one `subEvent` per moment (`single` for one, else `multiple`), plus each cancelled
  occurrence of a rule as a subEvent with status `Unavailable`;
- never `permanent`: every activity has dates.
"""

import datetime

from .. import herhaling as hh
from ..enums import Herhaling

WEEKDAGEN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
AFGELAST = {"nl": "Afgelast", "fr": "Annulé", "en": "Cancelled", "de": "Abgesagt"}
BESCHIKBAAR = {"type": "Available"}
ONBESCHIKBAAR = {"type": "Unavailable", "reason": AFGELAST}


def tijd(value, hele_dag, einde=False):
    """ISO 8601 with the Brussels offset. A whole day ends at 23:59:59 of that day, as
    UiTdatabank writes it, not at the next midnight as we store it."""
    value = value.astimezone(hh.TZ)
    if hele_dag and einde:
        value -= datetime.timedelta(seconds=1)
    return value.isoformat()


def _span(start, einde, hele_dag):
    return {"startDate": tijd(start, hele_dag), "endDate": tijd(einde, hele_dag, einde=True)}


def _wekelijks(activiteit, momenten):
    """(weekday, opens, closes) when every moment fits one weekly slot, else None."""
    if activiteit.herhaling != Herhaling.WEKELIJKS or len(momenten) < 2:
        return None
    slots = set()
    for m in momenten:
        start, einde = m.lokale_start, m.lokaal_einde
        if m.hele_dag or not m.uit_regel or start.date() != einde.date():
            return None
        slots.add((start.weekday(), start.strftime("%H:%M"), einde.strftime("%H:%M")))
    return slots.pop() if len(slots) == 1 else None


def _afgelaste_momenten(activiteit, afgelast):
    """The occurrences of the rule that fall on a cancelled day (the rule without exceptions)."""
    if not activiteit.herhaling or not activiteit.eerste_dag or not afgelast:
        return []
    alle = hh.uit_regel(
        activiteit.herhaling, activiteit.eerste_dag, activiteit.start_tijd,
        activiteit.eind_tijd, tot=activiteit.herhaal_tot, aantal=activiteit.herhaal_aantal,
        hele_dag=activiteit.hele_dag,
    )  # fmt: skip
    return [t for t in alle if t.start.date() in afgelast]


def kalender(activiteit, momenten, afgelast=()):
    """The calendar part of the event; None without moments (nothing dated to export).

    `momenten`: the activity's stored moments, by start; `afgelast`: its cancelled days."""
    if not momenten:
        return None
    afgelast = set(afgelast)
    slot = _wekelijks(activiteit, momenten)
    if slot is not None:
        weekday, opens, closes = slot
        eerste, laatste = momenten[0], momenten[-1]
        result = {
            "calendarType": "periodic",
            "startDate": tijd(eerste.start, False),
            "endDate": tijd(laatste.einde, False),
            "status": BESCHIKBAAR,
            "openingHours": [{"opens": opens, "closes": closes, "dayOfWeek": [WEEKDAGEN[weekday]]}],
        }
        binnen = sorted(
            d for d in afgelast if eerste.lokale_start.date() <= d <= laatste.lokaal_einde.date()
        )
        if binnen:
            result["openingHoursClosedDays"] = [
                {"startDate": d.isoformat(), "endDate": d.isoformat(), "description": AFGELAST}
                for d in binnen
            ]
        return result
    rijen = [(m.start, m.einde, m.hele_dag, BESCHIKBAAR) for m in momenten]
    rijen += [
        (t.start, t.einde, t.hele_dag, ONBESCHIKBAAR)
        for t in _afgelaste_momenten(activiteit, afgelast)
    ]
    rijen.sort(key=lambda r: r[0])
    sub_events = [
        {"id": i, **_span(start, einde, hele_dag), "status": status}
        for i, (start, einde, hele_dag, status) in enumerate(rijen)
    ]
    doorgaand = any(r[3] is BESCHIKBAAR for r in rijen)
    laatste = max(rijen, key=lambda r: r[1])
    return {
        "calendarType": "single" if len(sub_events) == 1 else "multiple",
        "startDate": sub_events[0]["startDate"],
        "endDate": tijd(laatste[1], laatste[2], einde=True),
        "status": BESCHIKBAAR if doorgaand else ONBESCHIKBAAR,
        "subEvent": sub_events,
    }
