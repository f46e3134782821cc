from django.apps import AppConfig


class KalenderConfig(AppConfig):
    name = "kalender"
    verbose_name = "Kalender"

    def ready(self):
        from aanbod.models.aanbod import context_providers
        from aanbod.waarschuwingen import editor_warnings

        from . import signals  # noqa: F401
        from .bij_aanbod import volgende_data
        from .wanneer import planning_waarschuwingen

        if volgende_data not in context_providers:
            context_providers.append(volgende_data)
        if planning_waarschuwingen not in editor_warnings:
            editor_warnings.append(planning_waarschuwingen)
