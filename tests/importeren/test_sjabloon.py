"""The template: Dutch headers, explanation, allowed values, own offers with their id; nothing
in it runs as a formula; downloaded and uploaded again it changes nothing."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openpyxl import load_workbook

from aanbod.models import AanbodPage
from importeren.kolommen import KOPPEN
from tests.importeren.conftest import client_for, opladen, taak_van


def download(client, formaat, **extra):
    response = client.get(reverse("importeren_sjabloon"), {"formaat": formaat, **extra})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_csv_template_opens_in_belgian_excel(partner_a):
    inhoud = download(client_for(partner_a.user), "csv")
    assert inhoud.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents
    eerste = inhoud.decode("utf-8-sig").splitlines()[0]
    assert eerste.split(";") == KOPPEN
    assert "Kies uit: Gratis, Kansentarief / UiTPAS" in inhoud.decode("utf-8-sig")


def test_xlsx_template_has_explanation_and_lists(partner_a):
    boek = load_workbook(io.BytesIO(download(client_for(partner_a.user), "xlsx")))
    assert boek.sheetnames == ["Aanbod", "Uitleg", "Lijsten"]
    assert [c.value for c in boek["Aanbod"][1]] == KOPPEN
    lijsten = {c.value: i for i, c in enumerate(boek["Lijsten"][1])}
    themas = [r[lijsten["thema's"]] for r in boek["Lijsten"].iter_rows(min_row=2, values_only=True)]
    assert "Mondzorg" in themas


def test_no_formula_in_what_we_write(partner_a):
    offer = AanbodPage.objects.get(pk=partner_a.offer.pk)
    offer.title = '=HYPERLINK("https://kwaad.example","Klik")'
    offer.contactpersoon = "@Jan"
    offer.save_revision()
    client = client_for(partner_a.user)
    boek = load_workbook(io.BytesIO(download(client, "xlsx", met_aanbod="1")))
    cellen = [c for rij in boek["Aanbod"].iter_rows() for c in rij]
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    waarden = [c.value for c in cellen]
    assert '\'=HYPERLINK("https://kwaad.example","Klik")' in waarden and "'@Jan" in waarden
    tekst = download(client, "csv", met_aanbod="1").decode("utf-8-sig")
    assert ";\"'=HYPERLINK(" in tekst and ";'@Jan;" in tekst
    # Read back, the neutralised cells are the text they were.
    taak = taak_van(opladen(client, SimpleUploadedFile("terug.csv", tekst.encode("utf-8"))))
    assert taak.fouten == [] and [r["actie"] for r in taak.plan] == ["ongewijzigd"]


def test_round_trip_of_own_offers_changes_nothing(partner_a):
    client = client_for(partner_a.user)
    for formaat in ("csv", "xlsx"):
        inhoud = download(client, formaat, met_aanbod="1")
        taak = taak_van(opladen(client, SimpleUploadedFile(f"terug.{formaat}", inhoud)))
        assert taak.fouten == [], taak.fouten
        assert [(r["actie"], r["id"]) for r in taak.plan] == [("ongewijzigd", partner_a.offer.pk)]
