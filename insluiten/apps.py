from django.apps import AppConfig


class InsluitenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insluiten"
    verbose_name = "Insluiten op andere websites"
