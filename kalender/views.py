"""The calendar's feeds (iCalendar and Atom, for any filtered view: same parameters as the page)
and the overview of current and coming campaigns."""

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .datums import dag_label, uur
from .ical import kalender_ical
from .models import CampagnePage, KalenderIndexPage
from .parameters import MAX_DAGEN
from .query import zoek_kalender

ATOM_ITEMS = 100


def _titel(kalender):
    campagnes = kalender.filters.get("campagne")
    if campagnes and len(campagnes) == 1:
        campagne = CampagnePage.objects.zichtbaar().filter(slug=campagnes[0]).first()
        if campagne is not None:
            return f"Preventiezoeker Gent: {campagne.title}"
    return _("Preventiezoeker Gent: kalender")


def ical(request):
    # A subscription wants the coming year, not the three months the page shows.
    kalender = zoek_kalender(request.GET, standaard_dagen=MAX_DAGEN)
    return kalender_ical(kalender, request, naam=_titel(kalender))


class KalenderAtom(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request):
        self.request = request
        return zoek_kalender(request.GET)

    def title(self, kalender):
        return _titel(kalender)

    def link(self, kalender):
        query = kalender.feed_query
        # The calendar page in the feed's language (/fr/kalender/atom/ links to /fr/kalender/).
        return reverse("wagtail_serve", args=["kalender/"]) + (f"?{query}" if query else "")

    def subtitle(self, kalender):
        return _("Activiteiten en campagnes rond gezondheid in Gent.")

    def items(self, kalender):
        return kalender.momenten[:ATOM_ITEMS]

    def item_title(self, moment):
        start = moment.lokale_start
        if moment.hele_dag:
            wanneer = dag_label(start.date())
        else:
            wanneer = _("%(dag)s, %(uur)s uur") % {
                "dag": dag_label(start.date()),
                "uur": uur(start),
            }
        return f"{moment.activiteit.title} ({wanneer})"

    def item_description(self, moment):
        activiteit = moment.activiteit
        org = activiteit.organisatie_cached
        door = " " + _("Door %(organisatie)s.") % {"organisatie": org.title} if org else ""
        return strip_tags(activiteit.in_het_kort) + door

    def item_link(self, moment):
        return moment.activiteit.get_url(self.request) or reverse(
            "wagtail_serve", args=["kalender/"]
        )

    def item_guid(self, moment):
        # Stable across rebuilds of the occurrence table (its ids are not).
        return f"activiteit-{moment.activiteit_id}-{moment.lokale_start:%Y%m%dT%H%M}"

    item_guid_is_permalink = False

    def item_pubdate(self, moment):
        return moment.activiteit.first_published_at

    def item_updateddate(self, moment):
        return moment.activiteit.last_published_at


atom = KalenderAtom()


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
