from django.apps import AppConfig


class ImporterenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "importeren"
    verbose_name = "Aanbod importeren"

    def ready(self):
        from .stil import vervang_ontvangers

        vervang_ontvangers()
