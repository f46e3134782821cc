from django import forms
from django.urls import path

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from doorverwijzing import admin_views
from doorverwijzing.admin_forms import AanvraagAdminForm
from doorverwijzing.enums import MeldingStatus
from doorverwijzing.meldingen import LOG_ACTIONS, MeldingPolicy
from doorverwijzing.meldingen_admin import CorrectiemeldingViewSet
from doorverwijzing.models import Aanvraag, Correctiemelding, Gezondheidsgids

CHECKBOXES = {"widget": forms.CheckboxSelectMultiple}


class AanvraagSamenvatting(Panel):
    """What the caregiver sent, read-only: the coordinator never edits the request itself."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "doorverwijzing/admin/aanvraag_samenvatting.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["aanvraag"] = self.instance
            return context


class GezondheidsgidsViewSet(ModelViewSet):
    model = Gezondheidsgids
    icon = "user"
    menu_label = "Gezondheidsgidsen"
    list_display = ["naam", "beschikbaarheid", "actief"]
    list_filter = ["actief", "talen", "wijken"]
    search_fields = ["naam", "beschikbaarheid"]
    ordering = ["naam"]
    copy_view_enabled = False
    panels = [
        FieldPanel("naam"),
        FieldPanel("talen", **CHECKBOXES),
        FieldPanel("wijken", **CHECKBOXES),
        FieldPanel("beschikbaarheid"),
        FieldPanel("actief"),
    ]


AANVRAAG_UITLEG = """<p>De hulpverlener krijgt een e-mail bij elke nieuwe status.
Van <b>nieuw</b> gaat een aanvraag naar <b>gekoppeld</b> (kies eerst een gids) en dan naar
<b>afgerond</b> of <b>niet gelukt</b>. Een aanvraag bevat nooit gegevens over de cliënt;
schrijf die ook niet in de toelichting.</p>"""


class AanvraagViewSet(ModelViewSet):
    """Coordinators only (model permissions from home/inrichting.py); partners have none."""

    model = Aanvraag
    icon = "help"
    menu_label = "Aanvragen"
    list_display = ["__str__", "taak", "dringendheid", "wijk", "status", "gids", "aangemaakt"]
    list_filter = ["status", "taak", "dringendheid", "wijk"]
    search_fields = ["organisatie", "naam", "email", "vraag"]
    ordering = ["-aangemaakt"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "organisatie", "naam", "email", "telefoon", "talen", "wijk", "taak", "dringendheid",
        "vraag", "aanbod", "status", "gids", "toelichting", "aangemaakt", "gewijzigd",
    ]  # fmt: skip
    edit_handler = ObjectList(
        [
            AanvraagSamenvatting(heading="Aanvraag"),
            MultiFieldPanel(
                [
                    HelpPanel(AANVRAAG_UITLEG),
                    FieldPanel("gids"),
                    FieldPanel("status"),
                    FieldPanel("toelichting"),
                ],
                heading="Opvolging",
            ),
        ],
        base_form_class=AanvraagAdminForm,
    )


# Coordinators handle every report, a partner those about its own offers (meldingen.py).
register_permission_policy(Correctiemelding, MeldingPolicy(Correctiemelding))


@hooks.register("register_log_actions")
def register_melding_stappen(actions):
    stappen = {
        MeldingStatus.NIEUW: "Gemeld via de website",
        MeldingStatus.IN_BEHANDELING: "Opgenomen",
        MeldingStatus.OPGELOST: "Opgelost",
        MeldingStatus.NIET_NODIG: "Afgesloten: niet nodig, het klopte",
    }
    for status, label in stappen.items():
        actions.register_action(LOG_ACTIONS[status], label, label)


class RapportMenuItem(MenuItem):
    check = None
    rapport = ""

    def is_shown(self, request):
        # Hidden where the report moved for this user (a coordinator: to Cijfers).
        return type(self).check(request.user) and not admin_views.elders(request, self.rapport)


class RapportViewSet(ViewSet):
    view_class = None
    check = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]

    @property
    def menu_item_class(self):
        return type(
            f"{type(self).__name__}MenuItem",
            (RapportMenuItem,),
            {"check": staticmethod(self.check), "rapport": self.name},
        )


class AanvragenPerMaandViewSet(RapportViewSet):
    view_class = admin_views.AanvragenPerMaandView
    check = staticmethod(admin_views.mag_aanvragen_zien)
    icon = "date"
    menu_label = "Aanvragen per maand"


class GezondheidsgidsenGroup(ViewSetGroup):
    menu_label = "Gezondheidsgidsen"
    menu_icon = "group"
    menu_order = 250
    items = (
        AanvraagViewSet("aanvragen"),
        GezondheidsgidsViewSet("gezondheidsgidsen"),
        AanvragenPerMaandViewSet("aanvragen-per-maand"),
    )


class TellingenViewSet(RapportViewSet):
    view_class = admin_views.TellingenView
    check = staticmethod(admin_views.mag_tellingen_zien)
    icon = "doc-full"
    menu_label = "Doorverwijzingen"
    add_to_admin_menu = True
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_gezondheidsgidsen():
    return GezondheidsgidsenGroup()


@hooks.register("register_admin_viewset")
def register_correctiemeldingen():
    return CorrectiemeldingViewSet("correctiemeldingen")


@hooks.register("register_admin_viewset")
def register_tellingen():
    return TellingenViewSet("doorverwijzingen")


class OpenAanvragenPanel(Component):
    """On the coordinator's dashboard: requests still waiting for a gids, oldest first."""

    name = "open_aanvragen"
    template_name = "doorverwijzing/admin/open_aanvragen_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        open_ = Aanvraag.objects.open().select_related("wijk", "gids").order_by("aangemaakt")
        return {"aanvragen": open_[:10], "aantal": open_.count()}


@hooks.register("construct_homepage_panels")
def open_aanvragen_panel(request, panels):
    if admin_views.mag_aanvragen_zien(request.user):
        panels.append(OpenAanvragenPanel())
