"""/api/v1/uitdatabank/: dated activities in the shape of UiTdatabank's event model."""

from django.urls import path

from .views import uitdatabank_detail, uitdatabank_lijst

urlpatterns = [
    path("", uitdatabank_lijst, name="api_uitdatabank"),
    # Any text, checked in the view: an id too long for the database is a 404, not a 500.
    path("<str:pk>/", uitdatabank_detail, name="api_uitdatabank_detail"),
]
