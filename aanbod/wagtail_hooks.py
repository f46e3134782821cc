from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from aanbod.actualiteit import LOG_ACTION
from aanbod.admin_api import ENDPOINTS
from aanbod.bulk_acties import BULK_ACTIONS
from aanbod.models import (
    Doelgroep,
    Hulplijn,
    Synoniem,
    Taal,
    Thema,
    Toegankelijkheid,
    Wijk,
    ZoekStatistiek,
)


class VocabulariumViewSet(SnippetViewSet):
    list_display = ["label", "slug"]
    search_fields = ["label"]
    ordering = ["label"]


class ThemaViewSet(VocabulariumViewSet):
    model = Thema
    icon = "tag"
    list_display = ["label", "slug", "uitleg"]


class WijkViewSet(VocabulariumViewSet):
    model = Wijk
    icon = "site"


class DoelgroepViewSet(VocabulariumViewSet):
    model = Doelgroep
    icon = "group"


class TaalViewSet(VocabulariumViewSet):
    model = Taal
    icon = "globe"


class ToegankelijkheidViewSet(VocabulariumViewSet):
    model = Toegankelijkheid
    icon = "view"
    list_display = ["label", "groep", "slug"]
    list_filter = ["groep"]
    ordering = ["groep", "label"]


class SynoniemCreateView(CreateView):
    """Opens with ?term=<word> filled in: the coordinator's "maak een synoniem" link from the
    searches that found nothing (cijfers/vraag)."""

    def get_initial(self):
        initial = super().get_initial()
        term = self.request.GET.get("term", "") if self.request.method == "GET" else ""
        term = " ".join(term.split())[: Synoniem._meta.get_field("term").max_length]
        if term:
            initial["term"] = term
        return initial


class SynoniemViewSet(SnippetViewSet):
    model = Synoniem
    add_view_class = SynoniemCreateView
    icon = "search"
    menu_label = "Synoniemen (zoekwoorden)"
    list_display = ["term", "uitbreidingen"]
    search_fields = ["term", "uitbreidingen"]
    ordering = ["term"]


class HulplijnViewSet(SnippetViewSet):
    model = Hulplijn
    icon = "help"
    list_display = ["naam", "nummer", "woorden", "volgorde"]
    ordering = ["volgorde", "naam"]


class VocabulariaGroup(SnippetViewSetGroup):
    menu_label = "Lijsten"
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        ThemaViewSet,
        WijkViewSet,
        DoelgroepViewSet,
        TaalViewSet,
        ToegankelijkheidViewSet,
        SynoniemViewSet,
        HulplijnViewSet,
    )


register_snippet(VocabulariaGroup)

# After Wagtail's own (order 0), so these replace them: see aanbod/bulk_acties.py.
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)


@hooks.register("construct_admin_api", order=1)  # after Wagtail's, to replace its endpoints
def limit_admin_api(router):
    for name, endpoint in ENDPOINTS.items():
        router.register_endpoint(name, endpoint)


class ZoekStatistiekViewSet(ModelViewSet):
    """Read-only: what people looked for, and what found nothing."""

    model = ZoekStatistiek
    icon = "search"
    menu_label = "Zoekstatistiek"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["dag", "woorden", "filters", "aantal", "resultaten", "zonder_resultaat"]
    list_filter = ["dag"]
    search_fields = ["woorden", "filters"]
    ordering = ["-dag", "-aantal"]
    form_fields = ["dag", "woorden", "filters"]  # never editable: coordinators only get "view"
    inspect_view_enabled = True
    copy_view_enabled = False


zoekstatistiek_viewset = ZoekStatistiekViewSet("zoekstatistiek")


@hooks.register("register_admin_viewset")
def register_zoekstatistiek():
    return zoekstatistiek_viewset


@hooks.register("register_log_actions")
def register_nagekeken(actions):
    @actions.register_action(LOG_ACTION)
    class Nagekeken(LogFormatter):
        label = "Nagekeken"

        def format_message(self, log_entry):
            bron = (log_entry.data or {}).get("bron")
            return f"Nagekeken: klopt nog ({bron})" if bron else "Nagekeken: klopt nog"
