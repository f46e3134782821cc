"""Applying: a partner's rows become drafts submitted for approval, the coordinator's are
published, a row's id updates instead of duplicating, and one error means nothing applied."""

from django.http import QueryDict
from django.urls import reverse

from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from aanbod.models import AanbodPage
from aanbod.zoeken import zoek
from importeren import schrijven
from importeren import toepassen as toepassen_module
from preventiezoeker.outbox.models import OutgoingMail
from preventiezoeker.search.sync import flush, rebuild
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.importeren.conftest import (
    client_for,
    csv_bestand,
    opladen,
    rij,
    taak_van,
    toepassen,
)

ID_KOPPEN = "id;titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven;wanneer"


def tellingen():
    return Page.objects.count(), Revision.objects.count(), WorkflowState.objects.count()


def importeer(user, regels, organisatie=None, **kwargs):
    client = client_for(user)
    taak = taak_van(opladen(client, csv_bestand(regels, **kwargs), organisatie))
    assert taak.fouten == [], taak.fouten
    response = toepassen(client, taak)
    assert response.status_code == 302
    taak.refresh_from_db()
    return client, taak


def test_partner_rows_become_drafts_submitted_for_approval(partner_a, coordinator, mailoutbox):
    client, taak = importeer(partner_a.user, [rij(f"Wandelen {i}") for i in range(3)])
    assert taak.status == "klaar", taak.melding
    pages = AanbodPage.objects.filter(pk__in=taak.nieuw_ids)
    assert len(pages) == 3
    for page in pages:
        assert not page.live
        assert page.get_parent().pk == partner_a.organisatie.pk
        assert page.workflow_in_progress
        assert page.current_workflow_state.requested_by == partner_a.user
        assert page.latest_revision.user == partner_a.user
    # The coordinator finds them where approvals wait ...
    html = client_for(coordinator).get(reverse("wagtailadmin_reports:workflow")).content.decode()
    assert all(f"Wandelen {i}" in html for i in range(3))
    # ... gets one mail for the import (outbox), not one Wagtail mail per page.
    assert mailoutbox == []
    [mail] = OutgoingMail.objects.all()
    assert mail.to == ["coordinator@example.org"]
    assert "3 aanbod" in mail.subject and "partner-a" in mail.body
    # And the partner sees what happened.
    html = client.get(reverse("importeren_taak", args=[taak.pk])).content.decode()
    assert "Toegepast." in html and "ingediend ter goedkeuring" in html


def test_coordinator_rows_are_published_and_findable(coordinator, partner_a, index_dir):
    rebuild()
    _client, taak = importeer(coordinator, [rij("Zwemles voor senioren")], partner_a.organisatie)
    assert taak.status == "klaar", taak.melding
    page = AanbodPage.objects.get(pk=taak.nieuw_ids[0])
    assert page.live and not page.has_unpublished_changes
    assert page.laatst_nagekeken is not None
    assert page.slug == "zwemles-voor-senioren"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert not OutgoingMail.objects.exists()
    flush()  # what the commit would start
    assert [r.kaart.pk for r in zoek(QueryDict("q=zwemles"), log=False).results] == [page.pk]


def test_second_import_with_ids_updates_instead_of_duplicating(coordinator, partner_a):
    client = client_for(coordinator)
    _c, eerste = importeer(coordinator, [rij("Fietsles"), rij("Yoga")], partner_a.organisatie)
    fiets, yoga = eerste.nieuw_ids
    voor = tellingen()
    regels = [
        f"{fiets};" + rij("Fietsles voor volwassenen") + ";elke maandag",
        f"{yoga};" + rij("Yoga"),  # unchanged
    ]
    taak = taak_van(opladen(client, csv_bestand(regels, koppen=ID_KOPPEN)))
    assert [r["actie"] for r in taak.plan] == ["wijzigen", "ongewijzigd"]
    assert taak.plan[0]["wijzigingen"] == [
        ["titel", "Fietsles", "Fietsles voor volwassenen"],
        ["wanneer", "", "elke maandag"],
    ]
    html = client.get(reverse("importeren_taak", args=[taak.pk])).content.decode()
    assert "“Fietsles” wordt “Fietsles voor volwassenen”" in html
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "klaar" and taak.gewijzigd_ids == [fiets] and taak.nieuw_ids == []
    pages, revisies, _wf = tellingen()
    assert pages == voor[0]  # no duplicate
    assert revisies == voor[1] + 1  # only the changed offer got a revision
    fiets_page = AanbodPage.objects.get(pk=fiets)
    assert (fiets_page.title, fiets_page.planning) == ("Fietsles voor volwassenen", "elke maandag")
    assert fiets_page.live and not fiets_page.has_unpublished_changes


def test_partner_update_of_a_live_offer_waits_for_approval(partner_a):
    offer = partner_a.offer
    regels = [f"{offer.pk};" + rij("Beweegcoach, nu ook op zaterdag")]
    _client, taak = importeer(partner_a.user, regels, koppen=ID_KOPPEN.rsplit(";", 1)[0])
    assert taak.status == "klaar", taak.melding
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.title == "Beweegcoach WGC Alfa"  # live stays as it was
    assert offer.has_unpublished_changes and offer.workflow_in_progress
    assert offer.get_latest_revision_as_object().title == "Beweegcoach, nu ook op zaterdag"
    # Importing again while it waits restarts the approval with the newest version.
    regels = [f"{offer.pk};" + rij("Beweegcoach, ook op zondag")]
    _client, taak = importeer(partner_a.user, regels, koppen=ID_KOPPEN.rsplit(";", 1)[0])
    assert taak.status == "klaar", taak.melding
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.current_workflow_state.current_task_state.revision.as_object().title == (
        "Beweegcoach, ook op zondag"
    )
    assert WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(offer.pk),
                                        status="in_progress").count() == 1  # fmt: skip


def test_rich_description_survives_an_unchanged_round_trip(coordinator, partner_a):
    offer = AanbodPage.objects.get(pk=partner_a.offer.pk)
    offer.beschrijving = '<p>Met <a href="https://example.org">link</a> en <b>vet</b>.</p>'
    offer.save_revision().publish()
    koppen = ID_KOPPEN.rsplit(";", 1)[0] + ";beschrijving"
    kort = offer.in_het_kort
    regels = [f"{offer.pk};" + rij("Beweegcoach WGC Alfa", kort=kort) + ";Met link en vet."]
    taak = taak_van(opladen(client_for(coordinator), csv_bestand(regels, koppen=koppen)))
    assert taak.plan[0]["actie"] == "ongewijzigd"


def test_one_bad_row_and_nothing_is_applied(partner_a):
    client = client_for(partner_a.user)
    regels = [rij(f"Goed {i}") for i in range(29)] + [rij("Slecht", themas="Onbestaand")]
    taak = taak_van(opladen(client, csv_bestand(regels)))
    voor = tellingen()
    assert taak.status == "fouten" and [f["rij"] for f in taak.fouten] == [31]
    assert (
        b"Toepassen</button>" not in client.get(reverse("importeren_taak", args=[taak.pk])).content
    )
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "fouten"
    assert tellingen() == voor


def test_failure_while_applying_rolls_everything_back(partner_a, monkeypatch):
    client = client_for(partner_a.user)
    taak = taak_van(opladen(client, csv_bestand([rij(f"Rij {i}") for i in range(5)])))
    voor = tellingen()
    # Two rows per chunk: the first chunk is written in full before the second one fails.
    monkeypatch.setattr(toepassen_module, "STUK", 2)
    echte = schrijven.maak
    gedaan = []

    def tweede_faalt(*args, **kwargs):
        gedaan.append(1)
        if len(gedaan) == 2:
            raise RuntimeError("schijf vol")
        return echte(*args, **kwargs)

    monkeypatch.setattr(schrijven, "maak", tweede_faalt)
    toepassen(client, taak)
    taak.refresh_from_db()
    assert len(gedaan) == 2
    assert taak.status == "mislukt"
    assert "Er is niets veranderd" in taak.melding
    assert tellingen() == voor
    assert not AanbodPage.objects.filter(title__startswith="Rij ").exists()
    assert not PageLogEntry.objects.filter(label__startswith="Rij ").exists()


def test_what_changed_since_the_dry_run_is_checked_again(partner_a):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    taak = taak_van(opladen(client, csv_bestand(
        [";" + rij("Nieuw"), f"{offer.pk};" + rij("Aangepast")],
        koppen=ID_KOPPEN.rsplit(";", 1)[0],
    )))  # fmt: skip
    assert taak.status == "gecontroleerd"
    # Meanwhile the offer of row 3 is deleted.
    Page.objects.get(pk=offer.pk).delete()
    voor = tellingen()
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "mislukt"
    assert "Er is niets toegepast" in taak.melding
    assert tellingen() == voor


def test_applying_twice_applies_once(partner_a):
    client = client_for(partner_a.user)
    taak = taak_van(opladen(client, csv_bestand([rij("Eenmalig")])))
    toepassen(client, taak)
    voor = tellingen()
    response = toepassen(client, taak)
    assert response.status_code == 302
    assert tellingen() == voor
    assert AanbodPage.objects.filter(title="Eenmalig").count() == 1


def test_progress_status_and_no_js_refresh(partner_a, monkeypatch):
    client = client_for(partner_a.user)
    taak = taak_van(opladen(client, csv_bestand([rij("A"), rij("B")])))
    # Claimed, still running: what a user sees meanwhile.
    monkeypatch.setattr(toepassen_module, "voer_uit", lambda taak_id: None)
    toepassen(client, taak)
    toepassen_module._zet_voortgang(taak.pk, 1)
    status = client.get(reverse("importeren_status", args=[taak.pk])).json()
    assert status == {"status": "bezig", "label": "Bezig", "gedaan": 1, "totaal": 2}
    html = client.get(reverse("importeren_taak", args=[taak.pk])).content.decode()
    assert '<progress max="2" value="1">' in html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert "Vernieuwen</a>" in html


def test_admin_search_finds_imported_offers(coordinator, partner_a):
    _client, taak = importeer(coordinator, [rij("Zwemles aan zee")], partner_a.organisatie)
    gevonden = AanbodPage.objects.all().search("Zwemles")
    assert [p.pk for p in gevonden] == taak.nieuw_ids


def test_outside_an_import_wagtail_still_mails_and_indexes(
    partner_a, coordinator, mailoutbox, index_dir
):
    rebuild()
    importeer(partner_a.user, [rij("Eerst een import")])  # the receivers are swapped by now
    assert mailoutbox == []
    from tests.aanbod.test_workflow import submit

    response = submit(client_for(partner_a.user), partner_a.offer, title="Handmatig ingediend")
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["coordinator@example.org"]]
    nieuw = AanbodPageFactory(parent=partner_a.organisatie, title="Handmatig zoekbaar")
    assert nieuw.pk in [p.pk for p in AanbodPage.objects.all().search("zoekbaar")]
    publish(nieuw)  # the public index too, through the publish signal as before
    flush()
    assert [r.kaart.pk for r in zoek(QueryDict("q=zoekbaar"), log=False).results] == [nieuw.pk]


def test_update_changes_lists_of_a_published_offer(coordinator, partner_a):
    offer = partner_a.offer
    koppen = ID_KOPPEN.rsplit(";", 1)[0]
    kort = offer.in_het_kort
    regels = [f"{offer.pk};" + rij(offer.title, kort=kort, themas="Mondzorg, Beweging",
                                   talen="Nederlands, Arabisch")]  # fmt: skip
    _client, taak = importeer(coordinator, regels, koppen=koppen)
    assert taak.plan[0]["wijzigingen"] == [
        ["thema's", "Beweging", "Beweging, Mondzorg"],
        ["talen", "Nederlands", "Arabisch, Nederlands"],
    ]
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert sorted(offer.themas.values_list("slug", flat=True)) == ["beweging", "mondzorg"]
    assert sorted(offer.talen.values_list("slug", flat=True)) == ["ar", "nl"]
