from django.apps import AppConfig


class AanbodConfig(AppConfig):
    name = "aanbod"
    verbose_name = "Aanbod"

    def ready(self):
        from . import search, signals, vergelijken, versies  # noqa: F401

        search.register()
