"""Warnings in the offer editor that apps built on offers add (the calendar: does the schedule
text agree with the dated activities?). They inform; they never block a save.

Apps register callables (page) -> [Dutch sentences] in `editor_warnings` from their ready(), so
this app imports none of them (layers). The panel reads the page as the editor holds it (the
latest draft, or the posted form after an error) and renders nothing when all is well.
"""

from django.utils.functional import cached_property

from wagtail.admin.panels import Panel

editor_warnings = []


class WaarschuwingenPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "aanbod/panels/waarschuwingen.html"

        @cached_property
        def zinnen(self):
            page = self.instance
            if page is None or page.pk is None:
                return []
            return [zin for provider in editor_warnings for zin in provider(page)]

        def is_shown(self):
            return bool(self.zinnen) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["zinnen"] = self.zinnen
            return context
