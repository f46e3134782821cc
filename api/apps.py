from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public JSON API under /api/v1/: the top layer, it reads the domain apps and none
    of them reads it."""

    name = "api"
    verbose_name = "API"
