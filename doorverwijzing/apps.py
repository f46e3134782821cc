from django.apps import AppConfig


class DoorverwijzingConfig(AppConfig):
    name = "doorverwijzing"
    verbose_name = "Doorverwijzing"
    default_auto_field = "django.db.models.BigAutoField"
