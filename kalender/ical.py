"""RFC 5545 feed of any calendar view (same parameters as /kalender/), built with `icalendar`.

A repeating activity is one VEVENT with its RRULE and EXDATEs (so clients show it as a series);
explicit dates are one VEVENT each. UIDs depend only on the activity and, for explicit dates, the
start, so a re-publish updates events in subscribed calendars instead of duplicating them.
The library escapes text (commas, semicolons, backslashes, newlines) and folds long lines.
"""

import datetime

from django.db.models import Max, prefetch_related_objects
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

import icalendar

from preventiezoeker.links import absolute_url

from . import herhaling as hh
from .enums import Herhaling
from .models import Moment

UID_DOMEIN = "kalender.preventiezoeker.gent"
FREQ = {
    Herhaling.WEKELIJKS: ("WEEKLY", 1),
    Herhaling.TWEEWEKELIJKS: ("WEEKLY", 2),
    Herhaling.MAANDELIJKS: ("MONTHLY", 1),
}
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _beschrijving(activiteit, url):
    org = activiteit.organisatie
    parts = [activiteit.in_het_kort]
    if org is not None:
        parts.append(_("Door %(organisatie)s.") % {"organisatie": org.title})
    if activiteit.inschrijving_toelichting:
        parts.append(activiteit.inschrijving_toelichting)
    if activiteit.online_link:
        parts.append(_("Online: %(link)s") % {"link": activiteit.online_link})
    if url:
        parts.append(_("Meer info: %(url)s") % {"url": url})
    return "\n".join(strip_tags(p) for p in parts if p)


def _locatie(activiteit):
    plaats = ", ".join(p for p in (activiteit.locatie_naam, activiteit.adres) if p)
    return plaats or activiteit.online_link


def _basis(activiteit, request, stamp):
    event = icalendar.Event()
    url = absolute_url(request, activiteit) or ""
    event.add("summary", activiteit.title)
    event.add("description", _beschrijving(activiteit, url))
    locatie = _locatie(activiteit)
    if locatie:
        event.add("location", locatie)
    if url:
        event.add("url", url)
    event.add("dtstamp", stamp)
    if activiteit.campagne_id and activiteit.campagne and activiteit.campagne.live:
        event.add("categories", [activiteit.campagne.title])
    return event


def _tijden(event, start, einde, hele_dag):
    if hele_dag:
        event.add("dtstart", start.date())
        event.add("dtend", einde.date())
    else:
        event.add("dtstart", start)
        event.add("dtend", einde)


def _reeks(activiteit, laatste, request, stamp):
    """One VEVENT for the rule. UNTIL is the last stored occurrence of the rule (so the feed is
    bounded exactly like the calendar); a cancelled last date may make UNTIL earlier, which
    describes the same set of dates."""
    hele_dag = activiteit.hele_dag or activiteit.start_tijd is None
    eerste = hh.Tijdvak(
        hh.lokaal(activiteit.eerste_dag, None if hele_dag else activiteit.start_tijd),
        hh.eindmoment(activiteit.eerste_dag, activiteit.start_tijd, activiteit.eind_tijd, hele_dag),
        hele_dag,
        True,
    )
    event = _basis(activiteit, request, stamp)
    event.add("uid", f"activiteit-{activiteit.pk}@{UID_DOMEIN}")
    _tijden(event, eerste.start, eerste.einde, hele_dag)
    freq, interval = FREQ[activiteit.herhaling]
    weekday = BYDAY[activiteit.eerste_dag.weekday()]
    rule = {"FREQ": freq}
    if interval > 1:
        rule["INTERVAL"] = interval
    if activiteit.herhaling == Herhaling.MAANDELIJKS:
        rule["BYDAY"] = f"{hh.n_de_weekdag(activiteit.eerste_dag)}{weekday}"
    else:
        rule["BYDAY"] = weekday
    # RFC 5545: with a TZID start, UNTIL is in UTC; with a DATE start, UNTIL is a DATE.
    laatste = timezone.localtime(laatste, hh.TZ)
    rule["UNTIL"] = laatste.date() if hele_dag else laatste.astimezone(datetime.UTC)
    event.add("rrule", rule)
    exdates = sorted(
        u.datum if hele_dag else hh.lokaal(u.datum, activiteit.start_tijd)
        for u in activiteit.uitzonderingen.all()
        if activiteit.eerste_dag <= u.datum <= laatste.date()
    )
    if exdates:
        event.add("exdate", exdates)
    return event


def _los(moment, request, stamp):
    activiteit = moment.activiteit
    event = _basis(activiteit, request, stamp)
    start = moment.lokale_start
    event.add("uid", f"activiteit-{activiteit.pk}-{start:%Y%m%dT%H%M}@{UID_DOMEIN}")
    _tijden(event, start, moment.lokaal_einde, moment.hele_dag)
    return event


def kalender_ical(kalender, request, naam="Preventiezoeker Gent: kalender"):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Preventiezoeker Gent//Kalender//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", "Europe/Brussels")
    stamp = timezone.now().replace(microsecond=0)
    # One query for every series' cancelled dates, not one per activity.
    series = {v.activiteit.pk: v.activiteit for v in kalender.momenten if v.uit_regel}
    prefetch_related_objects(list(series.values()), "uitzonderingen")
    laatste = dict(
        Moment.objects.filter(activiteit__in=list(series), uit_regel=True)
        .values("activiteit")
        .annotate(laatste=Max("start"))
        .values_list("activiteit", "laatste")
    )
    reeksen = set()
    for moment in kalender.momenten:
        activiteit = moment.activiteit
        if moment.uit_regel:
            if activiteit.pk in reeksen:
                continue
            reeksen.add(activiteit.pk)
            event = _reeks(activiteit, laatste[activiteit.pk], request, stamp)
        else:
            event = _los(moment, request, stamp)
        if event is not None:
            cal.add_component(event)
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    # Calendar apps poll subscriptions; a quarter of an hour of staleness is fine for them.
    response["Cache-Control"] = "public, max-age=900"
    return response
