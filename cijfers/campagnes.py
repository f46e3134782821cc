"""Placeholder: the helper building this section replaces this module."""

from .views import CijferView


class CampagnesView(CijferView):
    page_title = "campagnes"
    sectie = "campagnes"

    def tabellen(self):
        return []
