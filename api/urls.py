"""/api/v1/: included by preventiezoeker/urls.py before the Wagtail catch-all."""

from django.urls import include, path, re_path

from .aanbod import aanbod_detail, aanbod_lijst
from .campagnes import campagne_detail, campagnes_lijst
from .http import unknown
from .kalender import activiteit_detail, kalender_lijst
from .openapi import openapi
from .organisaties import organisatie_detail, organisaties_lijst

urlpatterns = [
    path("aanbod/", aanbod_lijst, name="api_aanbod"),
    path("aanbod/<str:ident>/", aanbod_detail, name="api_aanbod_detail"),
    path("organisaties/", organisaties_lijst, name="api_organisaties"),
    path("organisaties/<str:ident>/", organisatie_detail, name="api_organisatie_detail"),
    path("kalender/", kalender_lijst, name="api_kalender"),
    path("activiteiten/<str:ident>/", activiteit_detail, name="api_activiteit_detail"),
    path("campagnes/", campagnes_lijst, name="api_campagnes"),
    path("campagnes/<str:ident>/", campagne_detail, name="api_campagne_detail"),
    path("openapi.json", openapi, name="api_openapi"),
    path("uitdatabank/", include("api.uitdatabank.urls")),
    # Last: any other address ending in / is a 404 in JSON (without the slash, Django first
    # redirects here), never the site's HTML 404 page.
    re_path(r"^(?:[\s\S]*/)?$", unknown, name="api_unknown"),
]
