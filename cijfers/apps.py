from django.apps import AppConfig


class CijfersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cijfers"
    verbose_name = "Cijfers voor de coördinator"
