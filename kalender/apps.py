from django.apps import AppConfig


class KalenderConfig(AppConfig):
    name = "kalender"
    verbose_name = "Kalender"
