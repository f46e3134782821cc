"""The calendar as a news feed, in Atom and RSS 2.0: the same query, items and links in both.

The self link (Atom `rel=self`, RSS `atom:link`) and the link to the calendar page keep the
filters, so a reader that refetches the feed by its self link gets the same view.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from aanbod.feeds import xml_tekst

from .datums import dag_label, uur
from .models import CampagnePage
from .query import zoek_kalender

MAX_ITEMS = 100


def met_query(url, query):
    return f"{url}?{query}" if query else url


def kalender_titel(kalender):
    campagnes = kalender.filters.get("campagne")
    if campagnes and len(campagnes) == 1:
        campagne = CampagnePage.objects.zichtbaar().filter(slug=campagnes[0]).first()
        if campagne is not None:
            return f"Preventiezoeker Gent: {campagne.title}"
    return _("Preventiezoeker Gent: kalender")


class KalenderRss(Feed):
    """/kalender/rss/: one item per moment, with the filters of the calendar page."""

    feed_type = Rss201rev2Feed
    url_naam = "kalender_rss"

    def __init__(self, request):
        # One instance per request (see `view`): the request is never shared between threads.
        self.request = request

    def get_object(self, request):
        return zoek_kalender(request.GET)

    def title(self, kalender):
        return xml_tekst(kalender_titel(kalender))

    def link(self, kalender):
        # The calendar page in the feed's language (/fr/kalender/rss/ links to /fr/kalender/).
        return met_query(reverse("wagtail_serve", args=["kalender/"]), kalender.feed_query)

    def feed_url(self, kalender):
        return met_query(reverse(self.url_naam), kalender.feed_query)

    def description(self, kalender):
        return _("Activiteiten en campagnes rond gezondheid in Gent.")

    subtitle = description

    def items(self, kalender):
        return kalender.momenten[:MAX_ITEMS]

    def item_title(self, moment):
        start = moment.lokale_start
        if moment.hele_dag:
            wanneer = dag_label(start.date())
        else:
            wanneer = _("%(dag)s, %(uur)s uur") % {
                "dag": dag_label(start.date()),
                "uur": uur(start),
            }
        return xml_tekst(f"{moment.activiteit.title} ({wanneer})")

    def item_description(self, moment):
        activiteit = moment.activiteit
        org = activiteit.organisatie_cached
        door = " " + _("Door %(organisatie)s.") % {"organisatie": org.title} if org else ""
        return xml_tekst(strip_tags(activiteit.in_het_kort) + door)

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

    @classmethod
    def view(cls, request):
        return cls(request)(request)


class KalenderAtom(KalenderRss):
    """/kalender/atom/: the same feed in Atom."""

    feed_type = Atom1Feed
    url_naam = "kalender_atom"
