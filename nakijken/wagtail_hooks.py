from django.http import Http404
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from aanbod.actualiteit import is_verouderd
from aanbod.models import AanbodPage

from .admin_views import actualiteit_per_organisatie, mag_zien


@hooks.register("register_admin_urls")
def register_urls():
    return [path("actualiteit/", actualiteit_per_organisatie, name="nakijken_actualiteit")]


class ActualiteitMenuItem(MenuItem):
    def is_shown(self, request):
        return mag_zien(request.user)


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return ActualiteitMenuItem(
        "Actualiteit per organisatie", reverse("nakijken_actualiteit"), icon_name="time",
        order=150,
    )  # fmt: skip


@hooks.register("before_serve_page")
def verborgen_verouderd_aanbod(page, request, serve_args, serve_kwargs):
    """A stale offer the coordinator chose to hide is gone for the public, as everywhere:
    the one visibility rule (zichtbaar) decides. Only a stale offer costs the extra query."""
    if (
        isinstance(page, AanbodPage)
        and is_verouderd(page)
        and not AanbodPage.objects.zichtbaar().filter(pk=page.pk).exists()
    ):
        raise Http404
