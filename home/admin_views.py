"""Admin views Wagtail shows to every editor that would leak other organisations' content."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from preventiezoeker.permissions import can_publish_somewhere


def page_types_usage(request, *args, **kwargs):
    # The report names the last edited page of every type, drafts included, across the
    # whole site: only for roles that may publish (coordinators), never for partners.
    if not can_publish_somewhere(request.user):
        raise PermissionDenied
    return PageTypesUsageReportView.as_view()(request, *args, **kwargs)
