"""Admin views Wagtail shows to every editor that would leak other organisations' content."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def can_publish_somewhere(user):
    return PagePermissionPolicy(Page).user_has_permission(user, "publish")


def page_types_usage(request, *args, **kwargs):
    # The report names the last edited page of every type, drafts included, across the
    # whole site: only for roles that may publish (coordinators), never for partners.
    if not can_publish_somewhere(request.user):
        raise PermissionDenied
    return PageTypesUsageReportView.as_view()(request, *args, **kwargs)
