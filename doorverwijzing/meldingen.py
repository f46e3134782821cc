"""Who may see and handle which "Klopt er iets niet?" report, and the steps a report walks.

One rule for the admin list, the detail page, the counts, the menu badge and the partner's
dashboard: a partner handles a report iff they may edit the offer it is about (Wagtail's page
permissions, so the organisation's subtree); the coordinator handles them all, including those
about an offer that was deleted since.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from aanbod.actualiteit import markeer_nagekeken
from aanbod.models import AanbodPage
from doorverwijzing.enums import MELDING_AFGEHANDELD, MELDING_OVERGANGEN, MeldingStatus
from doorverwijzing.mails import mail_correctie, mail_melding_afgehandeld
from doorverwijzing.models import Correctiemelding
from doorverwijzing.vertalingen import huidige_taal
from preventiezoeker.permissions import COORDINATOR_GROUP

# One Wagtail log action per step: the report's history in the admin.
LOG_ACTIONS = {status: f"doorverwijzing.melding.{status}" for status in MeldingStatus.values}
# How solving a report shows in the offer's own history ("Nagekeken: klopt nog (...)").
BRON = {
    MeldingStatus.OPGELOST: "melding opgelost",
    MeldingStatus.NIET_NODIG: "melding opgelost: niet nodig",
}


def is_coordinator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATOR_GROUP).exists()


def _editable_pages(user):
    return PagePermissionPolicy(Page).instances_user_has_permission_for(user, "change")


def mag_meldingen_zien(user):
    """The admin list is for coordinators and for whoever may edit some page (a partner)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return is_coordinator(user) or _editable_pages(user).exists()


def meldingen_voor(user):
    """Every report (any status) this user may see and handle."""
    meldingen = Correctiemelding.objects.all()
    if not (user.is_authenticated and user.is_active):
        return meldingen.none()
    if is_coordinator(user):
        return meldingen
    # A report without its offer (deleted since) belongs to the coordinator alone.
    return meldingen.filter(aanbod__in=_editable_pages(user).values("pk"))


def open_meldingen_voor(user):
    """The reports still waiting (nieuw, in behandeling) that this user may see: a partner's
    own organisation's, or all for the coordinator. Oldest first: those waited longest."""
    return meldingen_voor(user).open().order_by("aangemaakt", "pk")


def mag_behandelen(user, melding):
    return meldingen_voor(user).filter(pk=melding.pk).exists()


class MeldingPolicy(BasePermissionPolicy):
    """View and handle ("change") for whoever may handle some report, per report by the rule
    above. Nobody adds (reports come from the public form) or deletes (they are the record)."""

    ACTIONS = {"view", "change"}

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and mag_meldingen_zien(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.ACTIONS & set(actions):
            return users.none()
        editors = GroupPagePermission.objects.filter(permission__codename="change_page")
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__name=COORDINATOR_GROUP)
            | Q(groups__in=editors.values("group"))
        ).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.ACTIONS and mag_behandelen(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.ACTIONS & set(actions):
            return Correctiemelding.objects.none()
        return meldingen_voor(user)


class StapNietMogelijk(Exception):
    """A step the report's status does not allow (already taken on, already closed)."""


def admin_url(melding):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("correctiemeldingen:edit", args=[melding.pk])


def publieke_url(page_id):
    """The offer's public address, or "" when it is not (or no longer) public."""
    page = AanbodPage.objects.zichtbaar().filter(pk=page_id).first() if page_id else None
    return page.get_full_url() if page else ""


def nieuwe_melding(page, *, bericht, email, url):
    """Store a visitor's report and notify who may handle it, in one transaction: the mails
    leave after the commit (the outbox), so a mail outage loses nothing."""
    with transaction.atomic():
        melding = Correctiemelding.objects.create(
            aanbod=page, aanbod_titel=page.title, bericht=bericht, email=email,
            taal=huidige_taal(),
        )  # fmt: skip
        log(instance=melding, action=LOG_ACTIONS[MeldingStatus.NIEUW])
        mail_correctie(melding, url, admin_url(melding))
    return melding


def volgende_stappen(melding):
    return MELDING_OVERGANGEN[MeldingStatus(melding.status)]


def zet_stap(melding, naar, *, user, antwoord=""):
    """Move a report one step. Raises StapNietMogelijk (nothing changed) when its status does
    not allow it, e.g. a second person solving what was solved a moment ago."""
    naar = MeldingStatus(naar)
    with transaction.atomic():
        # Locked and re-read: two people clicking at once make one step, one mail.
        melding = Correctiemelding.objects.select_for_update().get(pk=melding.pk)
        vorige = MeldingStatus(melding.status)
        if naar not in MELDING_OVERGANGEN[vorige]:
            raise StapNietMogelijk(
                f"Deze melding staat al op '{vorige.label}': '{naar.label}' kan niet meer. "
                "Er is niets veranderd."
            )
        nu = timezone.now()
        melding.status = naar
        melding.behandelaar = user
        if naar == MeldingStatus.IN_BEHANDELING:
            melding.in_behandeling_sinds = nu
        if naar in MELDING_AFGEHANDELD:
            melding.afgehandeld_op = nu
            melding.antwoord = antwoord.strip()
        melding.save()
        data = {"van": vorige.value, "antwoord": melding.antwoord if naar in BRON else ""}
        log(instance=melding, action=LOG_ACTIONS[naar], user=user, data=data)
        if naar in MELDING_AFGEHANDELD:
            # Solved or found right: either way someone looked at the offer again.
            page = AanbodPage.objects.filter(pk=melding.aanbod_id).first()
            if page is not None:
                markeer_nagekeken(page, bron=BRON[naar], user=user)
            mail_melding_afgehandeld(melding, publieke_url(melding.aanbod_id))
    return melding
