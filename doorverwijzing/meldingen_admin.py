"""The admin of "Klopt er iets niet?" reports: a list and one page per report where the
coordinator or the owning partner takes it on, solves it or marks it "niet nodig".

Only the list and that page exist (no add, delete, history or usage views): every view reads
through meldingen_voor(user), so another organisation's report is a 404, even by guessed id.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import registry as log_registry

import django_filters

from doorverwijzing.enums import MELDING_AFGEHANDELD, MeldingStatus
from doorverwijzing.meldingen import (
    StapNietMogelijk,
    mag_meldingen_zien,
    meldingen_voor,
    open_meldingen_voor,
    publieke_url,
    volgende_stappen,
    zet_stap,
)
from doorverwijzing.models import Correctiemelding

# What each step's button says, in the order they are offered.
KNOPPEN = {
    MeldingStatus.IN_BEHANDELING: "Ik neem dit op",
    MeldingStatus.OPGELOST: "Opgelost",
    MeldingStatus.NIET_NODIG: "Niet nodig: het klopte",
}
GEDAAN = {
    MeldingStatus.IN_BEHANDELING: "Je neemt deze melding op. De anderen zien dat nu.",
    MeldingStatus.OPGELOST: "De melding is opgelost. Het aanbod telt als nagekeken.",
    MeldingStatus.NIET_NODIG: "De melding is afgesloten: niet nodig. Het aanbod telt als "
    "nagekeken.",
}


def naam(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class StapForm(forms.Form):
    stap = forms.ChoiceField(
        choices=[(s.value, s.label) for s in KNOPPEN],
        error_messages={
            "required": "Kies wat je doet met de melding.",
            "invalid_choice": "Die stap bestaat niet. Er is niets veranderd.",
        },
    )
    antwoord = forms.CharField(
        label="Antwoord aan de melder (niet verplicht)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Komt in de e-mail aan de melder als je de melding afsluit. Kort en "
        "eenvoudig. Schrijf niets over andere organisaties.",
        error_messages={"max_length": "Het antwoord is te lang: hoogstens 1000 tekens."},
    )


class MeldingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=MeldingStatus.choices, empty_label="Alle", label="Status"
    )
    aangemaakt = django_filters.DateFromToRangeFilter(
        label="Gemeld tussen", widget=DateRangePickerWidget
    )

    class Meta:
        model = Correctiemelding
        fields = ["status", "aangemaakt"]


class MeldingenIndexView(IndexView):
    def get_base_queryset(self):
        return meldingen_voor(self.request.user).select_related("behandelaar")


class MeldingView(WagtailAdminTemplateMixin, TemplateView):
    """One report: what was reported, its history, and the steps its status allows."""

    template_name = "doorverwijzing/admin/melding.html"
    header_icon = "warning"
    page_title = "Melding 'Klopt er iets niet?'"

    def dispatch(self, request, pk):
        if not mag_meldingen_zien(request.user):
            raise PermissionDenied
        meldingen = meldingen_voor(request.user).select_related("behandelaar", "aanbod")
        self.melding = get_object_or_404(meldingen, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.melding.aanbod_titel

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("correctiemeldingen:index"), "label": "Meldingen"},
            {"url": "", "label": self.melding.aanbod_titel},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        melding = self.melding
        page = melding.aanbod
        context.update(
            melding=melding,
            form=form or StapForm(),
            knoppen=[(s.value, KNOPPEN[s]) for s in volgende_stappen(melding)],
            afsluiten=any(s in MELDING_AFGEHANDELD for s in volgende_stappen(melding)),
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "",
            publieke_url=publieke_url(melding.aanbod_id),
            geschiedenis=list(
                log_registry.get_logs_for_instance(melding)
                .select_related("user")
                .order_by("timestamp", "pk")
            ),
        )
        return context

    def post(self, request, pk):
        form = StapForm(request.POST)
        if not form.is_valid():
            for fouten in form.errors.values():
                for fout in fouten:
                    messages.error(request, fout)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        stap = MeldingStatus(form.cleaned_data["stap"])
        try:
            zet_stap(self.melding, stap, user=request.user, antwoord=form.cleaned_data["antwoord"])
        except StapNietMogelijk as fout:
            messages.error(request, str(fout))
            self.melding = meldingen_voor(request.user).get(pk=pk)
            return self.render_to_response(self.get_context_data(), status=409)
        messages.success(request, GEDAAN[stap])
        return redirect("correctiemeldingen:edit", pk)


class MeldingenMenuItem(MenuItem):
    """Shows how many reports wait for this user, counted by the same rule as the list."""

    def is_shown(self, request):
        return mag_meldingen_zien(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        aantal = open_meldingen_voor(request.user).count()
        if aantal:
            component.label = f"{self.label} ({aantal} open)"
        return component


class CorrectiemeldingViewSet(ModelViewSet):
    model = Correctiemelding
    icon = "warning"
    menu_label = "Meldingen"  # short: the sidebar cuts longer labels, and the count follows
    add_to_admin_menu = True
    menu_order = 270
    index_view_class = MeldingenIndexView
    list_display = [
        "aanbod_titel",
        Column("bericht", label="Bericht", accessor=lambda m: Truncator(m.bericht).chars(120)),
        Column("status", label="Status", accessor="get_status_display"),
        # A name, no avatar: the avatar would come from an outside service.
        Column("behandelaar", label="Behandeld door", accessor=lambda m: naam(m.behandelaar)),
        DateColumn("aangemaakt", label="Gemeld op"),
    ]
    filterset_class = MeldingFilterSet
    search_fields = ["aanbod_titel", "bericht", "email"]
    ordering = ["-aangemaakt"]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["antwoord"]  # unused: the report's page is MeldingView

    @property
    def menu_item_class(self):
        return MeldingenMenuItem

    def get_common_view_kwargs(self, **kwargs):
        # These views do not exist for reports: no link may point to them.
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "delete_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", MeldingView.as_view(), name="edit"),
        ]
