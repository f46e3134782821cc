"""schedule objects: an offer's free "wanneer" text, and the iCal rules and upcoming dates of
its visible calendar activities (kalender.herhaling holds the same rules as RRULEs).

Times are Belgian wall-clock time (Europe/Brussels): a weekly 19:00 stays 19:00 across summer
time, so no fixed UTC offset (`timezone`) is given; `notes` says so.
"""

import datetime

from django.utils import timezone

from aanbod.enums import Vorm
from kalender.enums import Herhaling
from kalender.herhaling import n_de_weekdag

from .. import ids
from .common import compact

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQ = {
    Herhaling.WEKELIJKS: ("WEEKLY", 1),
    Herhaling.TWEEWEKELIJKS: ("WEEKLY", 2),
    Herhaling.MAANDELIJKS: ("MONTHLY", 1),
}
MAX_DATES = 20  # upcoming single dates per activity
TIJDZONE = "Uren in Belgische tijd (Europe/Brussels)."


def attending_type(vormen):
    labels = dict(Vorm.choices)
    return ", ".join(str(labels[v]) for v in vormen or () if v in labels)


def _time(value):
    return value.strftime("%H:%M") if value else None


def _hours(activiteit):
    if activiteit.hele_dag:
        return {}
    return {"opens_at": _time(activiteit.start_tijd), "closes_at": _time(activiteit.eind_tijd)}


def _rule(activiteit):
    freq, interval = FREQ[activiteit.herhaling]
    dag = activiteit.eerste_dag
    byday = DAYS[dag.weekday()]
    if freq == "MONTHLY":
        byday = f"{n_de_weekdag(dag)}{byday}"
    afgelast = sorted(u.datum for u in activiteit.uitzonderingen.all())
    notes = TIJDZONE
    if afgelast:
        notes += " Afgelast op " + ", ".join(d.isoformat() for d in afgelast) + "."
    return {
        "freq": freq,
        "interval": interval,
        "byday": byday,
        "wkst": "MO",
        "dtstart": dag.isoformat(),
        "valid_from": dag.isoformat(),
        "until": activiteit.herhaal_tot.isoformat() if activiteit.herhaal_tot else None,
        "valid_to": activiteit.herhaal_tot.isoformat() if activiteit.herhaal_tot else None,
        "count": activiteit.herhaal_aantal,
        "notes": notes,
        **_hours(activiteit),
    }


def _activity_schedules(ctx, activiteit, page, service_id, today):
    common = {
        "service_id": service_id,
        "description": activiteit.title,
        "schedule_link": ctx.url(activiteit),
        "attending_type": attending_type(activiteit.vormen or page.vormen),
    }
    result = []
    ended = activiteit.herhaal_tot is not None and activiteit.herhaal_tot < today
    if activiteit.herhaling in FREQ and activiteit.eerste_dag and not ended:
        result.append(
            compact({"id": ids.hsds_id("schedule", activiteit.pk), **common, **_rule(activiteit)})
        )
    dates = sorted((d for d in activiteit.losse_data.all() if d.datum >= today), key=_date_key)
    for datum in dates[:MAX_DATES]:
        day = datum.datum.isoformat()
        hours = {} if activiteit.hele_dag else {
            "opens_at": _time(datum.start_tijd), "closes_at": _time(datum.eind_tijd),
        }  # fmt: skip
        result.append(
            compact(
                {
                    "id": ids.hsds_id("schedule", activiteit.pk, datum.pk),
                    **common,
                    "dtstart": day,
                    "valid_from": day,
                    "valid_to": day,
                    "notes": TIJDZONE,
                    **hours,
                }
            )
        )
    return result


def _date_key(datum):
    return (datum.datum, datum.start_tijd or datetime.time(0))


def schedules(ctx, page, service_id):
    """The free text first, then one schedule per rule and per upcoming date of the offer's
    visible activities (`page.zichtbare_activiteiten`, set by data.load_services: never the
    raw relation, which holds drafts and restricted ones too)."""
    today = timezone.localdate()
    result = []
    if page.planning:
        result.append(
            {
                "id": ids.hsds_id("schedule", "aanbod", page.pk),
                "service_id": service_id,
                "description": page.planning,
                **compact({"attending_type": attending_type(page.vormen)}),
            }
        )
    for activiteit in page.zichtbare_activiteiten:
        result += _activity_schedules(ctx, activiteit, page, service_id, today)
    return result
