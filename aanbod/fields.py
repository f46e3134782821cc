"""A model field for a small fixed multi-select (vorm, prijs, inschrijving).

Stored as a JSON list of TextChoices values, so it is portable across SQLite and PostgreSQL and
travels inside Wagtail revisions unchanged. Editors see checkboxes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class MultiChoiceField(models.JSONField):
    def __init__(self, *args, options=(), **kwargs):
        self.options = [tuple(option) for option in options]
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        defaults = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "choices": self.options,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update({k: v for k, v in kwargs.items() if k in ("label", "help_text", "widget")})
        return forms.MultipleChoiceField(**defaults)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.options}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(
                "Onbekende waarde: %(waarden)s.", params={"waarden": ", ".join(map(str, unknown))}
            )

    def labels(self, value):
        names = dict(self.options)
        return [names.get(item, item) for item in value or []]
