"""Placeholder: the helper building this section replaces this module."""

from .views import CijferView


class DoorverwijzingenView(CijferView):
    page_title = "doorverwijzingen"
    sectie = "doorverwijzingen"

    def tabellen(self):
        return []
