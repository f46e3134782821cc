"""Placeholder: the helper building this section replaces this module."""

from .views import CijferView


class ActualiteitView(CijferView):
    page_title = "actualiteit"
    sectie = "actualiteit"

    def tabellen(self):
        return []
