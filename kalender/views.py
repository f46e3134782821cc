"""The calendar's feeds (iCalendar here, Atom and RSS in kalender/feeds.py; for any filtered
view, with the same parameters as the page) and the overview of current and coming campaigns."""

from django.shortcuts import render
from django.utils import timezone

from .feeds import KalenderAtom, KalenderRss, kalender_titel
from .ical import kalender_ical
from .models import CampagnePage, KalenderIndexPage
from .parameters import MAX_DAGEN
from .query import zoek_kalender


def ical(request):
    # A subscription wants the coming year, not the three months the page shows.
    kalender = zoek_kalender(request.GET, standaard_dagen=MAX_DAGEN)
    return kalender_ical(kalender, request, naam=kalender_titel(kalender))


atom = KalenderAtom.view
rss = KalenderRss.view


def campagnes(request):
    """/kalender/campagnes/: every visible campaign that runs now or is still to come, with its
    period; a campaign that ended is left out (the calendar shows one only in its dates)."""
    vandaag = timezone.localdate()
    lijst = list(CampagnePage.objects.lopend_en_komend(vandaag))
    for campagne in lijst:  # here, not in the template: templates don't query
        campagne.link = campagne.get_url(request)
    kalender = KalenderIndexPage.objects.live().public().first()
    return render(
        request,
        "kalender/campagnes.html",
        {
            "lopend": [c for c in lijst if c.lopend(vandaag)],
            "komend": [c for c in lijst if not c.lopend(vandaag)],
            "kalender_url": kalender.get_url(request) if kalender else "/kalender/",
        },
    )
