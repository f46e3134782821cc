from django.db.models import Q

from wagtail import hooks
from wagtail.models import Page

from preventiezoeker.permissions import can_publish_somewhere, editable_pages

PARTNER_HIDDEN_MENU_ITEMS = {"help"}  # English-only external guides
PARTNER_HIDDEN_REPORTS = {"page-types-usage"}


@hooks.register("construct_main_menu")
def hide_for_partners(request, menu_items):
    if not can_publish_somewhere(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in PARTNER_HIDDEN_MENU_ITEMS]


@hooks.register("construct_reports_menu")
def hide_reports_for_partners(request, menu_items):
    if not can_publish_somewhere(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in PARTNER_HIDDEN_REPORTS]


@hooks.register("construct_page_chooser_queryset")
def hide_other_organisations_drafts(pages, request):
    """Partners choose (link to) any public page, but see drafts only of their own pages."""
    user = request.user
    if can_publish_somewhere(user):
        return pages
    own = editable_pages(user)
    visible = Q(live=True, has_unpublished_changes=False)
    for path in own.values_list("path", flat=True):
        visible |= Q(path__startswith=path)
    # A pk list, not a join: the chooser's search path cannot filter on these fields.
    return pages.filter(pk__in=list(Page.objects.filter(visible).values_list("pk", flat=True)))
