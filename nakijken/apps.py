from django.apps import AppConfig


class NakijkenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "nakijken"
    verbose_name = "Aanbod nakijken"
