from django.apps import AppConfig


class ImporterenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "importeren"
    verbose_name = "Aanbod importeren"
