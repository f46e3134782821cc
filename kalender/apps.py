from django.apps import AppConfig


class KalenderConfig(AppConfig):
    name = "kalender"
    verbose_name = "Kalender"

    def ready(self):
        from . import signals  # noqa: F401
