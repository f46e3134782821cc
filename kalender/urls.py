"""/kalender/ical/, /kalender/atom/, /kalender/rss/ and /kalender/campagnes/: before the Wagtail
catch-all (preventiezoeker/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("ical/", views.ical, name="kalender_ical"),
    path("atom/", views.atom, name="kalender_atom"),
    path("rss/", views.rss, name="kalender_rss"),
    path("campagnes/", views.campagnes, name="kalender_campagnes"),
]
