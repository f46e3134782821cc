from django.apps import AppConfig


class VersiesConfig(AppConfig):
    name = "preventiezoeker.versies"
    label = "versies"
    verbose_name = "Versies"
