from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import index_beheer, may_maintain


@hooks.register("register_admin_urls")
def register_urls():
    return [path("zoekindex/", index_beheer, name="zoekindex_beheer")]


class ZoekindexMenuItem(MenuItem):
    def is_shown(self, request):
        return may_maintain(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ZoekindexMenuItem(
        "Zoekindex", reverse("zoekindex_beheer"), icon_name="search", order=900
    )
