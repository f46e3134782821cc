"""The admin home (/admin/) as a partner and the coordinator need it.

A partner sees its own organisation's offers and their state, what is due for a check, the open
"Klopt er iets niet?" reports about them and how often they were referred to. The coordinator
sees what waits for them city-wide. Everything is computed here in a bounded number of queries
(one set per request, shared by the panels); the templates only render.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.middleware.csrf import get_token
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from dateutil.relativedelta import relativedelta

from aanbod import actualiteit
from aanbod.models import AanbodPage, OrganisatiePage
from doorverwijzing.enums import Soort
from doorverwijzing.meldingen import open_meldingen_voor
from doorverwijzing.models import Telling, eerste_van_de_maand
from preventiezoeker.permissions import can_publish_somewhere, editable_pages

MAANDEN = 6  # this month and the five before it
MAX_AANBOD = 50  # rows in "Jouw aanbod"; the explorer has the rest
MAX_MELDINGEN = 10

SOORTEN = [
    (Soort.FICHE, "Fiche geopend"),
    (Soort.GEDEELD, "Gedeeld als link"),
    (Soort.GEMAILD, "Gemaild"),
    (Soort.GIDS, "Gezondheidsgids gevraagd"),
]
MAANDNAMEN = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip


def url_of_none(name, *args):
    """The admin URL, or None when that part of the admin is not installed."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def maandnaam(maand: datetime.date) -> str:
    return f"{MAANDNAMEN[maand.month - 1]} {maand.year}"


def workflow_status(page_ids):
    """{page id: WorkflowState status} for pages in moderation, in one query."""
    if not page_ids:
        return {}
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
    )
    return {int(pk): status for pk, status in states.values_list("object_id", "status")}


def status_label(offer, in_workflow, vandaag):
    if in_workflow == WorkflowState.STATUS_NEEDS_CHANGES:
        return "Wijzigingen gevraagd", "w-status--primary"
    if in_workflow:
        return "Wacht op goedkeuring", "w-status--primary"
    if not offer.live:
        return "Concept, niet gepubliceerd", ""
    if offer.is_verlopen(vandaag):
        return "Verlopen", ""
    if offer.has_unpublished_changes:
        return "Gepubliceerd, met een nieuw concept", "w-status--primary"
    return "Gepubliceerd", "w-status--primary"


@dataclass
class Telrij:
    """Counts per kind of referral, in SOORTEN order, with their total."""

    naam: str
    per_soort: dict = field(default_factory=dict)
    edit_url: str = ""

    @property
    def aantallen(self):
        return [self.per_soort.get(soort, 0) for soort, _ in SOORTEN]

    @property
    def totaal(self):
        return sum(self.per_soort.values())


class PartnerGegevens:
    """What the partner's panels show, computed once per request for all of them."""

    def __init__(self, user, vandaag=None):
        self.user = user
        self.vandaag = vandaag or timezone.localdate()

    @cached_property
    def aanbod(self):
        own = editable_pages(self.user).values("pk")
        offers = list(
            AanbodPage.objects.filter(pk__in=own)
            .only(
                "title",
                "draft_title",
                "path",
                "depth",
                "live",
                "has_unpublished_changes",
                "laatst_nagekeken",
                "einddatum",
            )
            .order_by("title", "pk")
        )
        status = workflow_status([o.pk for o in offers])
        rows = []
        for offer in offers:
            label, css = status_label(offer, status.get(offer.pk), self.vandaag)
            rows.append(
                {
                    "pk": offer.pk,
                    # The latest title, as the editor shows it (a draft may rename it).
                    "title": offer.draft_title,
                    "status": label,
                    "status_css": css,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[offer.pk]),
                    "laatst_nagekeken": offer.laatst_nagekeken,
                    "page": offer,
                }
            )
        return rows

    @cached_property
    def organisaties(self):
        own = editable_pages(self.user).values("pk")
        return list(OrganisatiePage.objects.filter(pk__in=own).order_by("title"))

    @cached_property
    def te_controleren(self):
        """Published offers due for a check (the rule of aanbod.actualiteit), oldest first."""
        due = []
        for row in self.aanbod:
            page = row["page"]
            if not page.live or page.is_verlopen(self.vandaag):
                continue
            if actualiteit.is_te_controleren(page, self.vandaag):
                due.append(
                    {
                        **row,
                        "verouderd": actualiteit.is_verouderd(page, self.vandaag),
                        "klopt_nog_url": reverse("dashboard_klopt_nog", args=[page.pk]),
                    }
                )
        return sorted(due, key=lambda r: (r["laatst_nagekeken"] or datetime.date.min, r["title"]))

    @cached_property
    def meldingen(self):
        meldingen = open_meldingen_voor(self.user)
        eerste = list(meldingen.only("pk", "aanbod_titel", "bericht", "status", "aangemaakt")[
            :MAX_MELDINGEN
        ])  # fmt: skip
        aantal = len(eerste) if len(eerste) < MAX_MELDINGEN else meldingen.count()
        return {
            "aantal": aantal,
            "rijen": [
                {
                    "titel": m.aanbod_titel,
                    "bericht": m.bericht,
                    "status": m.get_status_display(),
                    "aangemaakt": m.aangemaakt,
                    "url": url_of_none("correctiemeldingen:edit", m.pk),
                }
                for m in eerste
            ],
            "lijst_url": url_of_none("correctiemeldingen:index"),
        }

    @cached_property
    def doorverwijzingen(self):
        deze_maand = eerste_van_de_maand(self.vandaag)
        maanden = [deze_maand - relativedelta(months=n) for n in range(MAANDEN)]
        titels = {row["pk"]: row for row in self.aanbod}
        per_maand = {m: Telrij(maandnaam(m)) for m in maanden}
        per_aanbod = {}
        tellingen = Telling.objects.filter(aanbod_id__in=list(titels), maand__gte=maanden[-1])
        for aanbod_id, maand, soort, aantal in tellingen.values_list(
            "aanbod_id", "maand", "soort", "aantal"
        ):
            rij = per_maand.get(maand)
            if rij is None:
                continue
            rij.per_soort[soort] = rij.per_soort.get(soort, 0) + aantal
            offer = titels[aanbod_id]
            telrij = per_aanbod.setdefault(
                aanbod_id, Telrij(offer["title"], edit_url=offer["edit_url"])
            )
            telrij.per_soort[soort] = telrij.per_soort.get(soort, 0) + aantal
        return {
            "soorten": [label for _, label in SOORTEN],
            "per_maand": [per_maand[m] for m in maanden],
            "per_aanbod": sorted(per_aanbod.values(), key=lambda r: (-r.totaal, r.naam)),
            "sinds": maandnaam(maanden[-1]),
        }


def partner_gegevens(request):
    if not hasattr(request, "_partner_dashboard"):
        request._partner_dashboard = PartnerGegevens(request.user)
    return request._partner_dashboard


class DashboardPanel(Component):
    def gegevens(self, parent_context):
        return partner_gegevens(parent_context["request"])


class AanbodPanel(DashboardPanel):
    name = "jouw_aanbod"
    template_name = "home/dashboard/aanbod.html"
    order = 50

    def get_context_data(self, parent_context):
        gegevens = self.gegevens(parent_context)
        organisaties = [
            {"title": o.title, "explore_url": reverse("wagtailadmin_explore", args=[o.pk]),
             "add_url": reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", o.pk])}
            for o in gegevens.organisaties
        ]  # fmt: skip
        return {
            "aanbod": gegevens.aanbod[:MAX_AANBOD],
            "aantal": len(gegevens.aanbod),
            "meer": len(gegevens.aanbod) > MAX_AANBOD,
            "organisaties": organisaties,
        }


class NakijkenPanel(DashboardPanel):
    name = "na_te_kijken"
    template_name = "home/dashboard/nakijken.html"
    order = 60

    def get_context_data(self, parent_context):
        return {
            # Components render without the request: the form's token is passed in.
            "csrf_token": get_token(parent_context["request"]),
            "rijen": self.gegevens(parent_context).te_controleren,
            "maanden": settings.AANBOD_NAKIJKEN_NA_MAANDEN,
        }


class MeldingenPanel(DashboardPanel):
    name = "open_meldingen"
    template_name = "home/dashboard/meldingen.html"
    order = 70

    def get_context_data(self, parent_context):
        return self.gegevens(parent_context).meldingen


class DoorverwijzingenPanel(DashboardPanel):
    name = "doorverwijzingen"
    template_name = "home/dashboard/doorverwijzingen.html"
    order = 80

    def get_context_data(self, parent_context):
        return self.gegevens(parent_context).doorverwijzingen


class CoordinatorPanel(Component):
    """City-wide: what waits for the coordinator, with links to where it is handled."""

    name = "coordinator_overzicht"
    template_name = "home/dashboard/coordinator.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        vandaag = timezone.localdate()
        page_type = ContentType.objects.get_for_model(Page)
        ter_goedkeuring = WorkflowState.objects.filter(
            base_content_type=page_type, status=WorkflowState.STATUS_IN_PROGRESS
        ).count()
        meldingen = open_meldingen_voor(user)
        # Published and not past its end date; hidden stale offers count too: they wait.
        live = AanbodPage.objects.live().filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)
        )
        return {
            "ter_goedkeuring": ter_goedkeuring,
            "goedkeuring_url": url_of_none("wagtailadmin_reports:workflow"),
            "meldingen": meldingen.count(),
            "meldingen_url": url_of_none("correctiemeldingen:index"),
            "gepubliceerd": live.count(),
            "te_controleren": actualiteit.te_controleren(live, vandaag).count(),
            "verouderd": actualiteit.verouderd(live, vandaag).count(),
            "actualiteit_url": url_of_none("nakijken_actualiteit"),
            "nakijken_na": settings.AANBOD_NAKIJKEN_NA_MAANDEN,
            "verouderd_na": settings.AANBOD_VEROUDERD_NA_MAANDEN,
        }


def panels_voor(user):
    if can_publish_somewhere(user):
        return [CoordinatorPanel()]
    if not editable_pages(user).exists():
        return []
    return [AanbodPanel(), NakijkenPanel(), MeldingenPanel(), DoorverwijzingenPanel()]
