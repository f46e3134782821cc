from django.apps import AppConfig


class SchrijfhulpConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "schrijfhulp"
    verbose_name = "Schrijfhulp (duidelijke taal)"
