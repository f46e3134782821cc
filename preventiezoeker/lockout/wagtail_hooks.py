from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import beheer, may_unlock


@hooks.register("register_admin_urls")
def register_urls():
    return [path("aanmeldpogingen/", beheer, name="lockout_beheer")]


class AanmeldpogingenMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return AanmeldpogingenMenuItem(
        "Aanmeldpogingen", reverse("lockout_beheer"), icon_name="lock", order=910
    )
