"""/api/v1/: included by preventiezoeker/urls.py before the Wagtail catch-all."""

from django.urls import include, path

from .aanbod import aanbod_lijst
from .kalender import kalender_lijst
from .openapi import openapi

urlpatterns = [
    path("aanbod/", aanbod_lijst, name="api_aanbod"),
    path("kalender/", kalender_lijst, name="api_kalender"),
    path("openapi.json", openapi, name="api_openapi"),
    path("uitdatabank/", include("api.uitdatabank.urls")),
]
