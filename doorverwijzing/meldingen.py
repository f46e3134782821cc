"""Who may see and handle which "Klopt er iets niet?" report.

One rule for the admin list, the detail page, the counts, the menu badge and the partner's
dashboard: a partner handles a report iff they may edit the offer it is about (Wagtail's page
permissions, so the organisation's subtree); the coordinator handles them all, including those
about an offer that was deleted since.
"""

from django.db.models import Q

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from doorverwijzing.models import Correctiemelding
from preventiezoeker.permissions import COORDINATOR_GROUP


def is_coordinator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATOR_GROUP).exists()


def meldingen_voor(user):
    """Every report (any status) this user may see and handle."""
    meldingen = Correctiemelding.objects.all()
    if not (user.is_authenticated and user.is_active):
        return meldingen.none()
    if is_coordinator(user):
        return meldingen
    editable = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "change")
    # A report without its offer (deleted since) belongs to the coordinator alone.
    return meldingen.filter(Q(aanbod__in=editable.values("pk")))


def open_meldingen_voor(user):
    """The reports still waiting (nieuw, in behandeling) that this user may see: a partner's
    own organisation's, or all for the coordinator. Oldest first: those waited longest."""
    return meldingen_voor(user).open().order_by("aangemaakt", "pk")


def mag_behandelen(user, melding):
    return meldingen_voor(user).filter(pk=melding.pk).exists()
