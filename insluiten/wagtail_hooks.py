from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import insluiten
from .forms import mag_insluiten


@hooks.register("register_admin_urls")
def register_urls():
    return [path("insluiten/", insluiten, name="insluiten_admin")]


class InsluitenMenuItem(MenuItem):
    def is_shown(self, request):
        return mag_insluiten(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return InsluitenMenuItem(
        "Insluiten op je website", reverse("insluiten_admin"), icon_name="code", order=900
    )
