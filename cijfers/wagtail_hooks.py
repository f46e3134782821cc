"""The coordinator's "Cijfers" section in the admin: URLs and a submenu, coordinators only."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .doorverwijzingen import rapport_elders
from .rechten import mag_cijfers_zien
from .secties import SECTIES


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(f"cijfers/{sectie.slug}/", sectie.view_class().as_view(), name=sectie.url_name)
        for sectie in SECTIES
    ]


class CijferMenuItem(MenuItem):
    def is_shown(self, request):
        return mag_cijfers_zien(request.user)


class CijferSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return mag_cijfers_zien(request.user)


def _menu_item(order, sectie):
    # Hooks run on first use of the menu, after the URLconf exists: reverse() is safe here.
    def item():
        return CijferMenuItem(
            sectie.label, reverse(sectie.url_name), name=f"cijfers-{sectie.slug}",
            icon_name=sectie.icon, order=order,
        )  # fmt: skip

    return item


for _order, _sectie in enumerate(SECTIES):
    hooks.register("register_cijfers_menu_item", _menu_item(_order, _sectie))


@hooks.register("register_admin_menu_item")
def register_menu():
    return CijferSubmenu(
        "Cijfers", Menu(register_hook_name="register_cijfers_menu_item"),
        icon_name="table", order=950, name="cijfers",
    )  # fmt: skip


# doorverwijzing's old referral reports lead coordinators to this section.
hooks.register("doorverwijzing_rapport_elders", rapport_elders)


@hooks.register("insert_global_admin_css")
def cijfers_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cijfers/cijfers.css"))
