from django.urls import path, reverse
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from aanbod.models import OrganisatiePage

from .admin_views import insluiten
from .forms import mag_insluiten, organisaties_voor

TITEL = "Insluiten op je website"


@hooks.register("register_admin_urls")
def register_urls():
    return [path("insluiten/", insluiten, name="insluiten_admin")]


class InsluitenMenuItem(MenuItem):
    def is_shown(self, request):
        return mag_insluiten(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return InsluitenMenuItem(TITEL, reverse("insluiten_admin"), icon_name="code", order=900)


@hooks.register("register_page_header_buttons")
def insluiten_bij_organisatie(page, user, view_name, next_url=None):
    """On an organisation's page in the admin: straight to its snippet."""
    model = page.specific_class
    if model is None or not issubclass(model, OrganisatiePage) or not page.live:
        return
    if not organisaties_voor(user).filter(pk=page.pk).exists():
        return
    query = urlencode({"wat": "organisatie", "organisatie": page.slug, "taal": "nl"})
    url = f"{reverse('insluiten_admin')}?{query}"
    yield PageMenuItem(TITEL, url, icon_name="code", priority=80, page=page)
