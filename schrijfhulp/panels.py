"""The editor panel: a Dutch readability reading of the offer's texts, under the description.

Rendered from the revision being edited; the script refreshes it while the partner types. It
only advises: it adds no form field and no validation."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.admin.panels import Panel
from wagtail.fields import RichTextField

from schrijfhulp.lezen import lees_teksten, render_lezing


class SchrijfhulpPanel(Panel):
    def __init__(self, velden=(), **kwargs):
        kwargs.setdefault("heading", "Duidelijke taal")
        super().__init__(**kwargs)
        self.velden = list(velden)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "velden": self.velden}

    @property
    def clean_name(self):
        return super().clean_name or "schrijfhulp"

    @cached_property
    def veld_info(self):
        """(name, label, is_html) per field, from the model."""
        info = []
        for naam in self.velden:
            veld = self.model._meta.get_field(naam)
            info.append(
                (naam, str(veld.verbose_name).capitalize(), isinstance(veld, RichTextField))
            )
        return info

    class BoundPanel(Panel.BoundPanel):
        template_name = "schrijfhulp/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            teksten = [
                (naam, label, getattr(self.instance, naam, "") or "", html)
                for naam, label, html in self.panel.veld_info
            ]
            context["lezing_html"] = render_lezing(lees_teksten(teksten))
            context["velden"] = [
                {"naam": naam, "label": label} for naam, label, _ in self.panel.veld_info
            ]
            context["url"] = reverse("schrijfhulp_lezen")
            return context

        @property
        def media(self):
            return forms.Media(
                js=["schrijfhulp/schrijfhulp.js"], css={"all": ["schrijfhulp/schrijfhulp.css"]}
            )
