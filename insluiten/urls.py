"""Embeds for partner sites (/insluiten/...): before the Wagtail catch-all."""

from django.urls import path

from . import views

app_name = "insluiten"
urlpatterns = [
    path("organisatie/<str:slug>/", views.organisatie, name="organisatie"),
    path("aanbod/", views.aanbod, name="aanbod"),
    path("campagne/<str:slug>/", views.campagne, name="campagne"),
]
