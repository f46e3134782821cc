from django.urls import path

from doorverwijzing import views

app_name = "doorverwijzing"

urlpatterns = [
    path("selectie/", views.selectie, name="selectie"),
    path("selectie/toevoegen/", views.toevoegen, name="toevoegen"),
    path("selectie/verwijderen/", views.verwijderen, name="verwijderen"),
    path("selectie/verplaatsen/", views.verplaatsen, name="verplaatsen"),
    path("selectie/leegmaken/", views.leegmaken, name="leegmaken"),
    path("selectie/overnemen/", views.overnemen, name="overnemen"),
    path("selectie/delen/", views.delen, name="delen"),
    path("selectie/mailen/", views.mailen, name="mailen"),
    path("selectie/fiche/", views.selectie_fiche, name="selectie_fiche"),
    path("doorverwijzing/fiche/<int:pk>/", views.fiche, name="fiche"),
    path("doorverwijzing/gezondheidsgids/", views.aanvraag, name="aanvraag"),
    path(
        "doorverwijzing/gezondheidsgids/bedankt/",
        views.aanvraag_bedankt,
        name="aanvraag_bedankt",
    ),
    path("doorverwijzing/correctie/<int:pk>/", views.correctie, name="correctie"),
]
