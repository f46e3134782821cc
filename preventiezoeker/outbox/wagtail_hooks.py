from django.db.models import Q

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

import django_filters

from preventiezoeker.outbox.conf import max_attempts
from preventiezoeker.outbox.models import OutgoingMail
from preventiezoeker.outbox.policy import CoordinatorReadOnlyPolicy

register_permission_policy(OutgoingMail, CoordinatorReadOnlyPolicy(OutgoingMail))

TOESTANDEN = [
    ("opgegeven", "Opgegeven: stuur zelf door"),
    ("wachtend", "Wacht nog"),
    ("verstuurd", "Verstuurd"),
]


class OutgoingMailFilterSet(WagtailFilterSet):
    toestand = django_filters.ChoiceFilter(
        label="Toestand", choices=TOESTANDEN, method="filter_toestand", empty_label="Alle"
    )
    created = django_filters.DateFromToRangeFilter(
        label="Aangemaakt tussen", widget=DateRangePickerWidget
    )

    class Meta:
        model = OutgoingMail
        fields = ["created"]

    def filter_toestand(self, queryset, name, value):
        if value == "verstuurd":
            return queryset.filter(sent_at__isnull=False)
        given_up = Q(sent_at__isnull=True, attempts__gte=max_attempts())
        if value == "opgegeven":
            return queryset.filter(given_up)
        return queryset.filter(sent_at__isnull=True).exclude(given_up)


class OutgoingMailViewSet(ModelViewSet):
    """Read-only: a mail the outbox gave up on stays here, with its error, for the coordinator."""

    model = OutgoingMail
    icon = "mail"
    menu_label = "Uitgaande e-mails"
    add_to_settings_menu = True
    list_display = ["subject", "toestand", "attempts", "next_attempt", "last_error", "created"]
    filterset_class = OutgoingMailFilterSet
    search_fields = ["subject", "body"]
    ordering = ["-created"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "to", "reply_to", "subject", "body", "created", "attempts", "next_attempt", "sent_at",
        "last_error",
    ]  # fmt: skip
    form_fields = ["subject"]  # no edit view is reachable: the policy grants only "view"


@hooks.register("register_admin_viewset")
def register_outgoing_mail():
    return OutgoingMailViewSet("uitgaande-emails")
