"""A report walks nieuw -> in behandeling -> opgelost / niet nodig: who did what and when, the
reporter's mail, and solving it counts as checking the offer."""

import datetime

from django.core import mail
from django.test import TestCase

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from aanbod.actualiteit import LOG_ACTION as NAGEKEKEN
from aanbod.models import AanbodPage
from doorverwijzing.enums import MeldingStatus
from doorverwijzing.models import Correctiemelding
from preventiezoeker.outbox.models import OutgoingMail
from tests.aanbod.factories import AanbodPageFactory, publish

LANG_GELEDEN = datetime.date(2025, 1, 15)


def melden(client, page, **data):
    data.setdefault("bericht", "Het adres is veranderd: nu Sleepstraat 10.")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/doorverwijzing/correctie/{page.pk}/", data)
    assert response.status_code == 200
    return Correctiemelding.objects.latest("pk")


def stap(client, melding, stap, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            f"/admin/correctiemeldingen/edit/{melding.pk}/", {"stap": stap, **data}, follow=True
        )


def toestand(melding):
    """Everything a step may change: compared before and after a refused one."""
    melding.refresh_from_db()
    page = AanbodPage.objects.filter(pk=melding.aanbod_id).first()
    return (
        melding.status, melding.behandelaar_id, melding.in_behandeling_sinds,
        melding.afgehandeld_op, melding.antwoord, page and page.laatst_nagekeken,
        ModelLogEntry.objects.count(), PageLogEntry.objects.filter(action=NAGEKEKEN).count(),
        OutgoingMail.objects.count(),
    )  # fmt: skip


@pytest.fixture
def oud_aanbod(partner_a):
    AanbodPage.objects.filter(pk=partner_a.offer.pk).update(laatst_nagekeken=LANG_GELEDEN)
    return partner_a.offer


def test_new_report_tells_partner_and_coordinator_where_to_handle_it(
    client, partner_a, partner_b, coordinator
):
    melding = melden(client, partner_a.offer, email="bewoner@example.org")
    (bericht,) = mail.outbox
    assert sorted(bericht.to) == ["coordinator@example.org", "partner-a@example.org"]
    assert f"/admin/correctiemeldingen/edit/{melding.pk}/" in bericht.body
    assert 'Klik op "Ik neem dit op"' in bericht.body
    assert partner_b.offer.title not in bericht.body
    (gemeld,) = ModelLogEntry.objects.all()
    assert gemeld.action == "doorverwijzing.melding.nieuw" and gemeld.user is None


def test_coordinator_takes_it_on_then_solves_it(client, oud_aanbod, coordinator):
    melding = melden(client, oud_aanbod, email="bewoner@example.org")
    mail.outbox.clear()
    client.force_login(coordinator)

    pagina = client.get(f"/admin/correctiemeldingen/edit/{melding.pk}/").content.decode()
    assert "Het adres is veranderd" in pagina and "Ik neem dit op" in pagina
    assert f"/admin/pages/{oud_aanbod.pk}/edit/" in pagina

    response = stap(client, melding, "in_behandeling")
    assert "Je neemt deze melding op" in response.content.decode()
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_BEHANDELING
    assert melding.behandelaar == coordinator and melding.in_behandeling_sinds is not None
    assert mail.outbox == []  # taking it on tells the reporter nothing yet
    assert AanbodPage.objects.get(pk=oud_aanbod.pk).laatst_nagekeken == LANG_GELEDEN
    html = response.content.decode()
    assert "Ik neem dit op" not in html and "Opgelost" in html

    response = stap(client, melding, "opgelost", antwoord="Het nieuwe adres staat er nu op.")
    html = response.content.decode()
    assert "De melding is opgelost" in html
    assert "Gemeld via de website" in html and "Opgenomen" in html  # the history
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.OPGELOST and melding.afgehandeld_op is not None
    assert melding.antwoord == "Het nieuwe adres staat er nu op."

    (aan_melder,) = mail.outbox
    assert aan_melder.to == ["bewoner@example.org"]
    assert "is opgelost" in aan_melder.subject and oud_aanbod.title in aan_melder.subject
    assert "Het nieuwe adres staat er nu op." in aan_melder.body
    assert oud_aanbod.get_full_url() in aan_melder.body
    # The reporter's own address is not kept in the outbox once the mail left.
    assert not [m for m in OutgoingMail.objects.all() if "bewoner@example.org" in m.to]

    aanbod = AanbodPage.objects.get(pk=oud_aanbod.pk)
    assert aanbod.laatst_nagekeken == datetime.date.today()
    log = PageLogEntry.objects.get(page=aanbod, action=NAGEKEKEN)
    assert log.user == coordinator and log.data["bron"] == "melding opgelost"


def test_not_needed_counts_as_checked_and_sends_a_kind_mail(client, oud_aanbod, partner_a):
    melding = melden(client, oud_aanbod, email="bewoner@example.org")
    mail.outbox.clear()
    client.force_login(partner_a.user)
    response = stap(client, melding, "niet_nodig")  # straight from nieuw: allowed
    assert "niet nodig" in response.content.decode()
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.NIET_NODIG and melding.behandelaar == partner_a.user
    (aan_melder,) = mail.outbox
    assert "De informatie klopt" in aan_melder.body and "Bedankt" in aan_melder.body
    assert AanbodPage.objects.get(pk=oud_aanbod.pk).laatst_nagekeken == datetime.date.today()


def test_reporter_without_address_gets_nothing(client, oud_aanbod, coordinator):
    melding = melden(client, oud_aanbod)
    mail.outbox.clear()
    client.force_login(coordinator)
    stap(client, melding, "opgelost")
    assert mail.outbox == []
    assert AanbodPage.objects.get(pk=oud_aanbod.pk).laatst_nagekeken == datetime.date.today()


def test_mail_names_no_page_that_is_no_longer_public(client, partner_a, partner_b, coordinator):
    melding = melden(client, partner_a.offer, email="bewoner@example.org")
    url = partner_a.offer.get_full_url()
    partner_a.offer.unpublish()
    mail.outbox.clear()
    client.force_login(coordinator)
    stap(client, melding, "opgelost")
    (aan_melder,) = mail.outbox
    assert url not in aan_melder.body and "http" not in aan_melder.body
    assert partner_b.offer.title not in aan_melder.body


def test_report_about_a_deleted_offer_can_be_closed(client, partner_a, coordinator):
    melding = melden(client, partner_a.offer, email="bewoner@example.org")
    partner_a.offer.delete()
    mail.outbox.clear()
    client.force_login(coordinator)
    assert (
        "bestaat niet meer"
        in client.get(f"/admin/correctiemeldingen/edit/{melding.pk}/").content.decode()
    )
    stap(client, melding, "opgelost", antwoord="Dit aanbod bestaat niet meer.")
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.OPGELOST
    assert "Dit aanbod bestaat niet meer." in mail.outbox[0].body


@pytest.mark.parametrize(
    "begin, data, status, boodschap",
    [
        ("opgelost", {"stap": "opgelost"}, 409, "staat al op &#x27;Opgelost&#x27;"),
        ("niet_nodig", {"stap": "in_behandeling"}, 409, "Er is niets veranderd."),
        ("in_behandeling", {"stap": "in_behandeling"}, 409, "Er is niets veranderd."),
        ("nieuw", {"stap": "nieuw"}, 400, "Die stap bestaat niet."),
        ("nieuw", {"stap": "gewist"}, 400, "Die stap bestaat niet."),
        ("nieuw", {}, 400, "Kies wat je doet met de melding."),
        ("nieuw", {"stap": "opgelost", "antwoord": "x" * 1001}, 400, "hoogstens 1000 tekens"),
        ("nieuw", {"stap": ["opgelost", "niet_nodig"], "antwoord": "\x00"}, 400, "Null"),
    ],
)
def test_refused_steps_say_why_and_change_nothing(
    client, oud_aanbod, coordinator, begin, data, status, boodschap
):
    melding = melden(client, oud_aanbod, email="bewoner@example.org")
    Correctiemelding.objects.filter(pk=melding.pk).update(status=begin)
    voor = toestand(melding)
    client.force_login(coordinator)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/admin/correctiemeldingen/edit/{melding.pk}/", data)
    assert response.status_code == status
    assert boodschap in response.content.decode()
    assert toestand(melding) == voor


def test_two_solvers_at_once_make_one_step(client, oud_aanbod, coordinator, partner_a):
    """The second click comes from a page that still offered "Opgelost": refused, one mail."""
    melding = melden(client, oud_aanbod, email="bewoner@example.org")
    mail.outbox.clear()
    client.force_login(coordinator)
    stap(client, melding, "opgelost")
    client.force_login(partner_a.user)
    response = stap(client, melding, "niet_nodig")
    assert "staat al op" in response.content.decode()
    assert len(mail.outbox) == 1
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.OPGELOST and melding.behandelaar == coordinator


def test_solving_keeps_a_pending_draft_and_its_check_date(client, oud_aanbod, coordinator):
    """The partner's newer draft is not published by solving; it carries the new date."""
    concept = AanbodPage.objects.get(pk=oud_aanbod.pk)
    concept.in_het_kort = "Nieuwe tekst, nog niet gepubliceerd."
    concept.save_revision()
    melding = melden(client, oud_aanbod)
    client.force_login(coordinator)
    stap(client, melding, "opgelost")
    live = AanbodPage.objects.get(pk=oud_aanbod.pk)
    assert live.in_het_kort != concept.in_het_kort
    assert live.latest_revision.content["laatst_nagekeken"] == datetime.date.today().isoformat()


def test_another_offer_of_the_organisation_stays_unchecked(client, oud_aanbod, coordinator):
    ander = publish(AanbodPageFactory(parent=oud_aanbod.get_parent(), title="Ander aanbod"))
    AanbodPage.objects.filter(pk=ander.pk).update(laatst_nagekeken=LANG_GELEDEN)
    melding = melden(client, oud_aanbod)
    client.force_login(coordinator)
    stap(client, melding, "opgelost")
    assert AanbodPage.objects.get(pk=ander.pk).laatst_nagekeken == LANG_GELEDEN
