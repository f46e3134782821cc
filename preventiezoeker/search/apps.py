from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "preventiezoeker.search"
    label = "zoeken"
    verbose_name = "Zoeken"
