from wagtail import hooks

from home.admin_views import can_publish_somewhere

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
