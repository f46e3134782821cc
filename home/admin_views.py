"""Admin views: Wagtail's views that would leak other organisations' content, made stricter, and
the dashboard's "Klopt nog" button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from aanbod.actualiteit import markeer_nagekeken
from aanbod.models import AanbodPage
from preventiezoeker.permissions import can_publish_somewhere

# How the check shows in the offer's history.
BRON_STARTSCHERM = "klopt nog, op het startscherm"


def page_types_usage(request, *args, **kwargs):
    # The report names the last edited page of every type, drafts included, across the
    # whole site: only for roles that may publish (coordinators), never for partners.
    if not can_publish_somewhere(request.user):
        raise PermissionDenied
    return PageTypesUsageReportView.as_view()(request, *args, **kwargs)


@require_POST
def klopt_nog(request, page_id):
    """The partner looked and the published offer still holds: today becomes its checked date.
    It confirms, it changes no content, so it needs no approval (as the link in the mail)."""
    page = AanbodPage.objects.live().filter(pk=page_id).first()
    # Another organisation's offer answers as one that does not exist: nothing is named.
    if page is None or not page.permissions_for_user(request.user).can_edit():
        raise Http404
    markeer_nagekeken(page, bron=BRON_STARTSCHERM, user=request.user)
    messages.success(request, f"Bedankt. '{page.title}' is nagekeken: de datum is nu vandaag.")
    return redirect("wagtailadmin_home")
