"""/kalender/ical/ and /kalender/atom/: before the Wagtail catch-all (preventiezoeker/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("ical/", views.ical, name="kalender_ical"),
    path("atom/", views.atom, name="kalender_atom"),
]
