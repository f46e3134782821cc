"""The daily round (manage.py aanbod_nakijken): who is mailed what, once, and when the
reminder and the coordinator's mail follow."""

import datetime
import io
import re

from django.conf import settings
from django.core.management import CommandError, call_command

import pytest

from aanbod.models import AanbodPage
from aanbod.partners import maak_gebruiker
from nakijken.models import Nakijkverzoek
from nakijken.ronde import ronde
from preventiezoeker.outbox.models import OutgoingMail

from .helpers import VANDAAG, aanbod, nagekeken

DAG = datetime.timedelta(days=1)
OUD = VANDAAG - datetime.timedelta(days=200)  # due (6 months), not stale (12)


def run(dag=VANDAAG, *extra):
    out = io.StringIO()
    call_command("aanbod_nakijken", f"--vandaag={dag.isoformat()}", *extra, stdout=out)
    return out.getvalue()


def mails_aan(adres):
    return [m for m in OutgoingMail.objects.order_by("pk") if adres in m.to]


@pytest.fixture
def twee_organisaties(partner_a, partner_b):
    """A has two due offers and one fresh one; B has one due offer."""
    nagekeken(partner_a.offer, OUD)
    tweede = aanbod(partner_a.organisatie, "Rookstop Alfa", None)
    vers = aanbod(partner_a.organisatie, "Vers aanbod Alfa", VANDAAG - 10 * DAG)
    nagekeken(partner_b.offer, OUD)
    return tweede, vers


def test_each_partner_gets_one_mail_with_only_its_own_due_offers(
    partner_a, partner_b, coordinator, twee_organisaties
):
    tweede, vers = twee_organisaties
    collega = maak_gebruiker("collega-a", "collega-a@example.org", partner_a.group)
    run()

    for adres in ("partner-a@example.org", "collega-a@example.org"):
        [mail] = mails_aan(adres)
        assert mail.to == [adres]  # one mail per account: nobody sees the others' addresses
        assert mail.subject == "Klopt jullie aanbod nog? WGC Alfa"
        assert "Beweegcoach WGC Alfa" in mail.body and "Rookstop Alfa" in mail.body
        assert "Vers aanbod Alfa" not in mail.body  # checked 10 days ago: not due
        assert "WGC Beta" not in mail.body  # never another organisation's offers
        assert "nog nooit" in mail.body  # the never-checked offer says so
    [mail_b] = mails_aan("partner-b@example.org")
    assert "Beweegcoach WGC Beta" in mail_b.body and "Alfa" not in mail_b.body
    # Coordinators hold no rights on an organisation page: they get no partner mail.
    assert mails_aan("coordinator@example.org") == []
    assert collega.email in Nakijkverzoek.objects.get(aanbod=tweede).ontvangers
    # Every listed offer has its own signed link and its edit page.
    links = re.findall(r"Klopt nog: (\S+)", mails_aan("partner-a@example.org")[0].body)
    assert len(links) == 2 and len(set(links)) == 2
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert all(link.startswith(f"{base}/nakijken/") for link in links)
    assert f"/admin/pages/{tweede.pk}/edit/" in mails_aan("partner-a@example.org")[0].body


def test_running_twice_sends_nothing_twice(partner_a, partner_b, twee_organisaties):
    run()
    before = OutgoingMail.objects.count()
    assert before == 2
    output = run()
    assert OutgoingMail.objects.count() == before
    assert Nakijkverzoek.objects.count() == 3
    assert "0 nieuwe verzoeken" in output
    # A new offer that becomes due later is mailed on its own, the others not again.
    laat = aanbod(partner_a.organisatie, "Later aanbod", OUD)
    run(VANDAAG + DAG)
    [nieuw] = mails_aan("partner-a@example.org")[1:]
    assert "Later aanbod" in nieuw.body and "Rookstop Alfa" not in nieuw.body
    assert Nakijkverzoek.objects.filter(aanbod=laat).count() == 1


def test_dry_run_prints_and_changes_nothing(partner_a, partner_b, twee_organisaties):
    output = run(VANDAAG, "--dry-run")
    assert "Proefdraai" in output
    assert "Mail zou naar partner-a@example.org: Klopt jullie aanbod nog? WGC Alfa" in output
    assert "nieuw verzoek: Rookstop Alfa" in output
    assert OutgoingMail.objects.count() == 0
    assert Nakijkverzoek.objects.count() == 0
    # A real run afterwards still does everything.
    run()
    assert OutgoingMail.objects.count() == 2


def test_reminder_after_two_weeks_then_the_coordinator(partner_a, partner_b, coordinator):
    nagekeken(partner_a.offer, OUD)
    run()
    assert len(mails_aan("partner-a@example.org")) == 1

    run(VANDAAG + 13 * DAG)  # not yet
    assert len(mails_aan("partner-a@example.org")) == 1
    run(VANDAAG + 14 * DAG)
    herinnering = mails_aan("partner-a@example.org")[1]
    assert herinnering.subject.startswith("Herinnering: klopt jullie aanbod nog?")
    assert "Beweegcoach WGC Alfa" in herinnering.body
    verzoek = Nakijkverzoek.objects.get()
    assert verzoek.herinnerd_op == VANDAAG + 14 * DAG
    # The reminder's link is the same link, valid a full period from the reminder.
    assert verzoek.geldig_tot == VANDAAG + 44 * DAG
    run(VANDAAG + 15 * DAG)
    assert len(mails_aan("partner-a@example.org")) == 2  # one reminder only
    assert mails_aan("coordinator@example.org") == []

    run(VANDAAG + 28 * DAG)
    [melding] = mails_aan("coordinator@example.org")
    assert melding.subject == "Aanbod dat niemand nakeek"
    assert "WGC Alfa" in melding.body and "Beweegcoach WGC Alfa" in melding.body
    assert "WGC Beta" not in melding.body  # B's offer is not due
    run(VANDAAG + 29 * DAG)
    assert len(mails_aan("coordinator@example.org")) == 1


def test_an_offer_checked_another_way_is_not_reminded(partner_a, partner_b):
    nagekeken(partner_a.offer, OUD)
    run()
    # The partner published a change meanwhile: the date moved on.
    nagekeken(partner_a.offer, VANDAAG + 3 * DAG)
    output = run(VANDAAG + 14 * DAG)
    assert "afgesloten (intussen nagekeken): Beweegcoach WGC Alfa" in output
    assert len(mails_aan("partner-a@example.org")) == 1
    assert not Nakijkverzoek.objects.open().exists()


def test_unpublished_and_expired_offers_are_not_mailed(partner_a):
    nagekeken(partner_a.offer, OUD)
    partner_a.offer.unpublish()
    aanbod(partner_a.organisatie, "Voorbij", OUD, einddatum=VANDAAG - DAG)
    run()
    assert OutgoingMail.objects.count() == 0
    assert Nakijkverzoek.objects.count() == 0


def test_bad_date_is_a_clear_error_and_changes_nothing(partner_a):
    nagekeken(partner_a.offer, OUD)
    with pytest.raises(CommandError, match="Ongeldige datum"):
        call_command("aanbod_nakijken", "--vandaag=2026-13-45")
    assert OutgoingMail.objects.count() == 0


def test_a_failing_round_queues_no_mail(partner_a, partner_b, monkeypatch):
    """All or nothing: mails of a round that fails halfway never leave."""
    nagekeken(partner_a.offer, OUD)
    nagekeken(partner_b.offer, OUD)

    def kapot(*args, **kwargs):
        raise RuntimeError("boem")

    monkeypatch.setattr("nakijken.ronde.herinneringen", kapot)
    with pytest.raises(RuntimeError):
        ronde(VANDAAG)
    assert OutgoingMail.objects.count() == 0
    assert Nakijkverzoek.objects.count() == 0
    assert AanbodPage.objects.filter(laatst_nagekeken=OUD).count() == 2
