"""Whatever Excel made of the file: encodings, delimiters, headers, size. A file that cannot be
used gives one clear Dutch message on the upload page, and nothing is stored."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from importeren.models import ImportTaak
from tests.importeren.conftest import (
    KOPPEN,
    client_for,
    csv_bestand,
    opladen,
    rij,
    taak_van,
    xlsx_bestand,
)


def fout_op_pagina(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "encoding,bom",
    [("utf-8", False), ("utf-8", True), ("cp1252", False)],
    ids=["utf-8", "utf-8-bom", "windows-1252"],
)
def test_encodings_keep_accents(partner_a, encoding, bom):
    bestand = csv_bestand([rij("Café-ontmoeting voor senioren", kort="Één keer per week.")],
                          encoding=encoding, bom=bom)  # fmt: skip
    taak = taak_van(opladen(client_for(partner_a.user), bestand))
    assert taak.fouten == []
    assert taak.plan[0]["titel"] == "Café-ontmoeting voor senioren"


@pytest.mark.parametrize("scheiding", [";", ",", "\t"])
def test_delimiters(partner_a, scheiding):
    # Values with a comma inside are quoted, as Excel writes them.
    regel = scheiding.join(
        ["Wandelen", "Kort.", '"Beweging, Gezonde voeding"', "Nederlands", "Groepsaanbod",
         "Gratis", "Zonder afspraak"]
    )  # fmt: skip
    bestand = csv_bestand([regel], koppen=KOPPEN.replace(";", scheiding))
    taak = taak_van(opladen(client_for(partner_a.user), bestand))
    assert taak.fouten == []
    assert taak.status == "gecontroleerd"


@pytest.mark.parametrize(
    "koppen,verwacht",
    [
        ("naam;in het kort", "deze kolommen ontbreken: titel"),
        (KOPPEN + ";kleur", "deze kolommen kennen we niet: kleur"),
        (KOPPEN + ";titel", "deze kolommen staan er twee keer: titel"),
    ],
)
def test_wrong_columns_are_reported_and_nothing_is_stored(partner_a, koppen, verwacht):
    response = opladen(client_for(partner_a.user), csv_bestand([rij("X")], koppen=koppen))
    html = fout_op_pagina(response)
    assert "De kolommen kloppen niet" in html and verwacht in html
    assert not ImportTaak.objects.exists()


def test_headers_match_whatever_the_case(partner_a):
    koppen = "Titel;IN HET KORT;Themas;Talen;Vorm;Prijs;Hoe inschrijven"
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([rij("X")], koppen=koppen)))
    assert taak.fouten == []


def test_ten_megabytes_is_refused_before_reading(partner_a, settings):
    inhoud = (KOPPEN + "\r\n").encode() + b"x;" * (5 * 1024 * 1024)  # 10 MB
    bestand = SimpleUploadedFile("groot.csv", inhoud, content_type="text/csv")
    html = fout_op_pagina(opladen(client_for(partner_a.user), bestand))
    assert "Dit bestand is te groot (10,0" in html and "hoogstens 5,0" in html
    assert not ImportTaak.objects.exists()


@pytest.mark.parametrize(
    "naam,inhoud,verwacht",
    [
        ("leeg.csv", b"", "bestand is leeg"),  # Django's own check, in Dutch
        ("kop.csv", KOPPEN.encode(), "Er staat geen aanbod in dit bestand"),
        ("beeld.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "Dit is geen CSV-bestand"),
        ("kapot.xlsx", b"PK\x03\x04rommel", "Dit Excel-bestand kunnen we niet openen"),
        ("oud.xls", b"\xd0\xcf\x11\xe0", "Bewaar het bestand als .xlsx of .csv"),
        ("raar.csv", b"\x81\x8d\x8f\x90\x9d", "De tekens in dit bestand kunnen we niet lezen"),
    ],
)
def test_unusable_files(partner_a, naam, inhoud, verwacht):
    bestand = SimpleUploadedFile(naam, inhoud)
    html = fout_op_pagina(opladen(client_for(partner_a.user), bestand))
    assert verwacht in html
    assert not ImportTaak.objects.exists()


def test_too_many_rows(partner_a, settings):
    settings.IMPORT_MAX_RIJEN = 5
    html = fout_op_pagina(
        opladen(client_for(partner_a.user), csv_bestand([rij(f"A{i}") for i in range(7)]))
    )
    assert "meer dan 5 rijen" in html


def test_xlsx_with_explanation_rows(partner_a):
    koppen = KOPPEN.split(";")
    bestand = xlsx_bestand(
        [koppen, ["# uitleg"] + [""] * 6,
         ["Wandelen", "Kort.", "beweging", "nl", "groepsaanbod", "gratis", "zonder-afspraak"]]
    )  # fmt: skip
    taak = taak_van(opladen(client_for(partner_a.user), bestand))
    assert taak.fouten == []
    assert [r["rij"] for r in taak.plan] == [3]
