from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from aanbod.models import Doelgroep, Taal, Thema, Toegankelijkheid, Wijk


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


class VocabulariaGroup(SnippetViewSetGroup):
    menu_label = "Lijsten"
    menu_icon = "list-ul"
    menu_order = 300
    items = (ThemaViewSet, WijkViewSet, DoelgroepViewSet, TaalViewSet, ToegankelijkheidViewSet)


register_snippet(VocabulariaGroup)
