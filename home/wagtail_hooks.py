from django.db.models import Q
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import Page

from home.admin_views import klopt_nog
from home.dashboard import panels_voor
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
    for pad in own.values_list("path", flat=True):
        visible |= Q(path__startswith=pad)
    # A pk list, not a join: the chooser's search path cannot filter on these fields.
    return pages.filter(pk__in=list(Page.objects.filter(visible).values_list("pk", flat=True)))


@hooks.register("insert_editor_js")
def editor_fouten_js():
    # Names every field with an error, with its tab, in the error message at the top.
    return format_html('<script src="{}"></script>', static("aanbod/editor-fouten.js"))


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("aanbod/editor-fouten.css"))


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    panels.extend(panels_voor(request.user))


@hooks.register("register_admin_urls")
def dashboard_urls():
    return [path("startscherm/klopt-nog/<int:page_id>/", klopt_nog, name="dashboard_klopt_nog")]
