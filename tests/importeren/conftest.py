import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

KOPPEN = "titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven"


@pytest.fixture(autouse=True)
def _inline(settings, tmp_path):
    """Applying runs in the request; progress in a cache of this test's own."""
    settings.IMPORT_VERWERKING = "inline"
    settings.CACHES = {
        **settings.CACHES,
        "importeren-test": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.IMPORT_VOORTGANG_CACHE = "importeren-test"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def csv_bestand(regels, naam="aanbod.csv", encoding="utf-8", koppen=KOPPEN, bom=False):
    tekst = "\r\n".join([koppen, *regels]) + "\r\n"
    inhoud = tekst.encode(encoding)
    if bom:
        inhoud = b"\xef\xbb\xbf" + inhoud
    return SimpleUploadedFile(naam, inhoud, content_type="text/csv")


def rij(titel, kort="Samen bewegen in de buurt.", themas="Beweging", talen="Nederlands",
        vorm="Groepsaanbod", prijs="Gratis", inschrijving="Zonder afspraak"):  # fmt: skip
    cellen = [titel, kort, themas, talen, vorm, prijs, inschrijving]
    return ";".join(_csv_cel(c) for c in cellen)


def _csv_cel(cel):
    if ";" in cel or '"' in cel:
        return '"' + cel.replace('"', '""') + '"'
    return cel


def opladen(client, bestand, organisatie=None):
    data = {"bestand": bestand}
    if organisatie is not None:
        data["organisatie"] = organisatie.pk
    return client.post(reverse("importeren_start"), data)


def taak_van(response):
    from importeren.models import ImportTaak

    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportTaak.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def toepassen(client, taak):
    return client.post(reverse("importeren_toepassen", args=[taak.pk]))


def xlsx_bestand(rijen, naam="aanbod.xlsx"):
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    for r in rijen:
        blad.append(r)
    uit = io.BytesIO()
    boek.save(uit)
    return SimpleUploadedFile(naam, uit.getvalue())
