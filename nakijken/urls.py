from django.urls import path

from nakijken import views

app_name = "nakijken"

urlpatterns = [
    path("nakijken/<str:token>/", views.klopt_nog, name="klopt_nog"),
]
