from django.urls import path

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from schrijfhulp import views
from schrijfhulp.models import AmbtelijkWoord
from schrijfhulp.policy import CoordinatorPolicy

register_permission_policy(AmbtelijkWoord, CoordinatorPolicy(AmbtelijkWoord))


class AmbtelijkWoordViewSet(SnippetViewSet):
    model = AmbtelijkWoord
    icon = "warning"
    menu_label = "Ambtelijke woorden"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["woord", "zeg_liever"]
    search_fields = ["woord", "zeg_liever"]
    ordering = ["woord"]
    copy_view_enabled = False


register_snippet(AmbtelijkWoordViewSet)


@hooks.register("register_admin_urls")
def schrijfhulp_urls():
    return [path("schrijfhulp/lezen/", views.lezen, name="schrijfhulp_lezen")]
