"""Nothing a visitor sends is lost to a mail outage: requests and reports are stored first, their
mails wait in the outbox and leave later (`manage.py mails_versturen`); one-line fields refuse
line breaks; the coordinator's mail reads like text."""

import datetime
import runpy
import smtplib
import socket
import sqlite3
import threading
import time

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

import pytest

from aanbod.models import Taal
from doorverwijzing.enums import MeldingStatus, Status, Taak
from doorverwijzing.models import Aanvraag, Correctiemelding
from preventiezoeker.outbox.models import OutgoingMail
from preventiezoeker.outbox.sending import claim, enqueue, purge_sent, retry_delay, send_due, take
from tests.doorverwijzing.test_aanvraag import geldig

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def gesloten_poort():
    """A local port nobody listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailserver_plat(settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": gesloten_poort(), "timeout": 2},
        }
    }
    return settings


class KapotteBackend(BaseEmailBackend):
    """A mail server that answers every message with an SMTP error."""

    pogingen = 0

    def send_messages(self, email_messages):
        type(self).pogingen += 1
        raise smtplib.SMTPException("451 probeer later opnieuw")


def een_minuut_later():
    """What cron sees once the retry time has come (no sleeping in tests)."""
    OutgoingMail.objects.update(next_attempt=timezone.now() - datetime.timedelta(seconds=1))


# --- The gezondheidsgids request --------------------------------------------------------------


def test_request_under_a_dead_mail_server_is_stored_answered_and_mailed_later(
    client, coordinator, mailserver_plat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/doorverwijzing/gezondheidsgids/", geldig())
    assert response.status_code == 302
    assert response["Location"] == "/doorverwijzing/gezondheidsgids/bedankt/"
    assert "Bedankt, je aanvraag is verstuurd" in client.get(response["Location"]).content.decode()
    assert Aanvraag.objects.get().naam == "Sara Hulpverlener"
    wachtend = OutgoingMail.objects.order_by("pk")
    assert [m.to for m in wachtend] == [["sara@caw.example"], ["coordinator@example.org"]]
    for rij in wachtend:
        assert rij.sent_at is None and rij.attempts == 1
        assert "ConnectionRefusedError" in rij.last_error
    assert mail.outbox == []

    mailserver_plat.MAILERS = LOCMEM  # the server is back
    call_command("mails_versturen", verbosity=0)
    assert mail.outbox == []  # not yet: the first retry waits a minute
    een_minuut_later()
    call_command("mails_versturen", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == ["coordinator@example.org", "sara@caw.example"]
    assert all(rij.sent_at and rij.last_error == "" for rij in OutgoingMail.objects.all())
    call_command("mails_versturen", verbosity=0)  # cron again: nothing is sent twice
    assert len(mail.outbox) == 2


def test_a_backend_that_raises_anything_never_reaches_the_visitor(
    client, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.KapotteBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/doorverwijzing/gezondheidsgids/", geldig())
    assert response.status_code == 302
    assert Aanvraag.objects.count() == 1
    assert all("SMTPException" in r.last_error for r in OutgoingMail.objects.all())


def test_a_status_step_under_a_dead_mail_server_is_saved_and_mailed_later(
    site_tree, mailserver_plat, django_capture_on_commit_callbacks
):
    aanvraag = Aanvraag.objects.create(
        organisatie="CAW", naam="Sara", email="sara@caw.example",
        taak=Taak.TOELEIDEN_ZORG, dringendheid="deze-week", vraag="Mee naar de tandarts.",
    )  # fmt: skip
    aanvraag = Aanvraag.objects.get(pk=aanvraag.pk)
    aanvraag.status = Status.NIET_GELUKT
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag.save()
    assert Aanvraag.objects.get().status == Status.NIET_GELUKT
    rij = OutgoingMail.objects.get()
    assert rij.subject == "Je aanvraag voor een gezondheidsgids is niet gelukt" and not rij.sent_at


# --- Klopt er iets niet? ----------------------------------------------------------------------


def test_report_under_a_dead_mail_server_is_stored_shown_and_mailed_later(
    client, partner_a, coordinator, mailserver_plat, django_capture_on_commit_callbacks
):
    data = {"bericht": "Het adres is nu\nSleepstraat 10.", "email": "bewoner@example.org"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/doorverwijzing/correctie/{partner_a.offer.pk}/", data)
    assert response.status_code == 200
    assert "Bedankt! We stuurden je melding" in response.content.decode()
    melding = Correctiemelding.objects.get()
    assert melding.aanbod == partner_a.offer and melding.aanbod_titel == partner_a.offer.title
    assert melding.bericht == "Het adres is nu\nSleepstraat 10." and melding.email == data["email"]
    assert melding.status == MeldingStatus.NIEUW
    assert "ConnectionRefusedError" in OutgoingMail.objects.get().last_error

    mailserver_plat.MAILERS = LOCMEM
    een_minuut_later()
    call_command("mails_versturen", verbosity=0)
    (message,) = mail.outbox
    assert sorted(message.to) == ["coordinator@example.org", "partner-a@example.org"]
    assert message.reply_to == ["bewoner@example.org"]
    assert "Het adres is nu\nSleepstraat 10." in message.body  # a textarea keeps its lines


def test_without_cron_a_later_visitor_sends_the_report_once_the_server_is_back(
    client, partner_a, coordinator, mailserver_plat, monkeypatch,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from preventiezoeker.outbox import retry

    mailserver_plat.OUTBOX_SEND_ON_REQUEST = True
    mailserver_plat.OUTBOX_JOBS = "inline"
    monkeypatch.setattr(retry, "_next_look", [0.0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/doorverwijzing/correctie/{partner_a.offer.pk}/", {"bericht": "Dicht."})
    assert mail.outbox == [] and OutgoingMail.objects.get().sent_at is None
    mailserver_plat.MAILERS = LOCMEM
    client.get("/")  # its retry is not due yet: nothing is sent
    assert mail.outbox == []
    een_minuut_later()
    monkeypatch.setattr(retry, "_next_look", [0.0])
    assert client.get("/").status_code == 200  # any visitor, no command
    (message,) = mail.outbox
    assert "Dicht." in message.body
    client.get("/")  # sent once: a later look finds nothing due
    assert len(mail.outbox) == 1


def test_report_stays_readable_when_the_offer_is_deleted(client, partner_a, coordinator):
    client.post(f"/doorverwijzing/correctie/{partner_a.offer.pk}/", {"bericht": "Weg."})
    titel = partner_a.offer.title
    partner_a.offer.delete()
    melding = Correctiemelding.objects.get()
    assert melding.aanbod is None and melding.aanbod_titel == titel


def test_coordinator_reads_reports_in_the_admin(client, partner_a, partner_b, coordinator):
    """The list filters by status and date; who else sees what: test_meldingen_rechten.py."""
    client.post(f"/doorverwijzing/correctie/{partner_a.offer.pk}/", {"bericht": "Prijs is fout."})
    melding = Correctiemelding.objects.get()
    client.force_login(coordinator)
    assert "Meldingen (1 open)" in client.get("/admin/").content.decode()  # the menu
    lijst = client.get("/admin/correctiemeldingen/?status=nieuw")
    assert lijst.status_code == 200
    assert "Prijs is fout." in lijst.content.decode()
    assert (
        "Prijs is fout."
        not in client.get("/admin/correctiemeldingen/?status=opgelost").content.decode()
    )
    vandaag = timezone.localdate().isoformat()
    op_datum = client.get(f"/admin/correctiemeldingen/?aangemaakt_from={vandaag}")
    assert "Prijs is fout." in op_datum.content.decode()
    vroeger = client.get("/admin/correctiemeldingen/?aangemaakt_to=2020-01-31")
    assert "Prijs is fout." not in vroeger.content.decode()
    assert client.get(f"/admin/correctiemeldingen/edit/{melding.pk}/").status_code == 200
    assert client.get("/admin/correctiemeldingen/new/").status_code == 404  # no add view
    assert Correctiemelding.objects.count() == 1
    client.force_login(partner_b.user)  # another organisation's report: not in its list
    assert "Prijs is fout." not in client.get("/admin/correctiemeldingen/").content.decode()


def test_mailed_selection_under_a_dead_mail_server_leaves_later_and_is_then_deleted(
    client, partner_a, mailserver_plat, django_capture_on_commit_callbacks
):
    client.post("/selectie/toevoegen/", {"aanbod": partner_a.offer.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/selectie/mailen/", {"email": "hulp@example.org"})
    assert response.status_code == 302 and response["Location"] == "/selectie/#mailen"
    assert (
        "We stuurden je selectie naar hulp@example.org" in client.get("/selectie/").content.decode()
    )
    assert OutgoingMail.objects.get().to == ["hulp@example.org"]

    mailserver_plat.MAILERS = LOCMEM
    een_minuut_later()
    call_command("mails_versturen", verbosity=0)
    assert mail.outbox[0].to == ["hulp@example.org"]
    assert not OutgoingMail.objects.exists()  # the address was promised not to be kept


# --- The outbox itself ------------------------------------------------------------------------


def test_two_senders_never_take_the_same_mail(db):
    enqueue(to=["a@example.org"], subject="Een", body="Tekst")
    now = timezone.now()
    eerste = claim(now, 10)  # cron run 1 took it and is still sending
    assert len(eerste) == 1
    assert claim(now, 10) == []  # cron run 2, at the same moment
    assert send_due() == (0, 0) and mail.outbox == []
    # A sender that died keeps its claim only for its lease; then the mail is due again.
    later = now + datetime.timedelta(hours=1)
    assert claim(later, 10) == eerste


def test_of_two_senders_that_saw_a_mail_as_due_only_one_takes_it(db):
    pk = enqueue(to=["a@example.org"], subject="Een", body="Tekst").pk
    now = timezone.now()
    # Both cron runs listed the mail as due; each now tries to take it.
    assert take(pk, now) is True
    assert take(pk, now) is False
    assert OutgoingMail.objects.get().attempts == 1


def test_retries_back_off_then_give_up_and_keep_the_row(db, settings, caplog):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.KapotteBackend"}}
    settings.OUTBOX_MAX_ATTEMPTS = 3
    KapotteBackend.pogingen = 0
    rij = enqueue(to=["a@example.org"], subject="Onderwerp", body="Tekst")
    wachttijden = []
    for _ in range(3):
        een_minuut_later()
        voor = timezone.now()
        assert send_due() == (0, 1)
        rij.refresh_from_db()
        wachttijden.append(rij.next_attempt - voor)
    assert [retry_delay(n) for n in (1, 2, 3)] == [
        datetime.timedelta(seconds=s) for s in (60, 120, 240)
    ]
    assert wachttijden[0] >= retry_delay(1) and wachttijden[1] >= retry_delay(2)
    assert rij.attempts == 3 and rij.sent_at is None and "451" in rij.last_error
    assert "given up after 3 attempts" in caplog.text
    assert [r.levelname for r in caplog.records if "given up" in r.message] == ["ERROR"]
    een_minuut_later()
    assert send_due() == (0, 0) and KapotteBackend.pogingen == 3  # no fourth try
    assert OutgoingMail.objects.given_up(3).get() == rij  # kept for the coordinator
    assert retry_delay(30) == datetime.timedelta(hours=6)  # the wait has a ceiling


def test_coordinator_sees_mails_given_up_and_partners_do_not(
    client, settings, coordinator, partner_a
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    opgegeven = enqueue(to=["a@example.org"], subject="Kwam nooit aan", body="Tekst")
    OutgoingMail.objects.filter(pk=opgegeven.pk).update(attempts=1, last_error="SMTPException")
    enqueue(to=["b@example.org"], subject="Wacht nog even", body="Tekst")
    client.force_login(coordinator)
    html = client.get("/admin/uitgaande-emails/?toestand=opgegeven").content.decode()
    assert "Kwam nooit aan" in html and "SMTPException" in html
    assert "Wacht nog even" not in html
    client.force_login(partner_a.user)
    assert client.get("/admin/uitgaande-emails/").status_code == 302


def test_sent_and_given_up_mails_are_deleted_after_a_month(db, settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    settings.OUTBOX_MAX_ATTEMPTS = 3
    rijen = {
        naam: enqueue(to=[f"{naam}@example.org"], subject=naam, body="Tekst").pk
        for naam in ("oud", "nieuw", "opgegeven", "wacht")
    }
    now = timezone.now()
    maand = datetime.timedelta(days=31)
    OutgoingMail.objects.filter(pk=rijen["oud"]).update(sent_at=now - maand)
    OutgoingMail.objects.filter(pk=rijen["nieuw"]).update(sent_at=now - datetime.timedelta(days=29))
    OutgoingMail.objects.filter(pk__in=[rijen["opgegeven"], rijen["wacht"]]).update(
        created=now - maand
    )
    OutgoingMail.objects.filter(pk=rijen["opgegeven"]).update(attempts=3)
    assert purge_sent() == 2
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {
        rijen["nieuw"],
        rijen["wacht"],
    }


def test_subject_is_one_line_whatever_the_title(db):
    rij = enqueue(to=["a@example.org"], subject="Titel\r\nBcc: x@example.org", body="Tekst")
    assert rij.subject == "Titel Bcc: x@example.org"
    with pytest.raises(ValueError):
        enqueue(to=["a@example.org\r\nBcc: x@example.org"], subject="S", body="T")


@pytest.mark.parametrize("backend", ["console", "filebased"])
def test_any_django_mail_backend_sends(db, settings, tmp_path, capsys, backend):
    config = {"BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"}
    if backend == "filebased":
        config["OPTIONS"] = {"file_path": str(tmp_path)}
    settings.MAILERS = {"default": config}
    enqueue(to=["a@example.org"], subject="Via de console of een bestand", body="Tekst")
    assert send_due() == (1, 0)
    if backend == "console":
        uit = capsys.readouterr().out
    else:
        uit = "".join(p.read_text() for p in tmp_path.iterdir())
    assert "Subject: Via de console of een bestand" in uit


@pytest.mark.filterwarnings("ignore:'preventiezoeker.settings.base' found in sys.modules")
def test_settings_give_smtp_options_only_to_the_smtp_backend(monkeypatch):
    monkeypatch.setenv("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    mailers = runpy.run_module("preventiezoeker.settings.base")["MAILERS"]
    assert mailers["default"] == {
        "BACKEND": "django.core.mail.backends.console.EmailBackend",
        "OPTIONS": {},
    }


# --- Finding 12: line breaks and lists in mails ----------------------------------------------


@pytest.mark.parametrize("veld", ["organisatie", "naam", "telefoon"])
def test_line_break_in_a_one_line_field_is_refused_in_dutch(client, site_tree, veld):
    waarde = {"organisatie": "CAW", "naam": "Sara", "telefoon": "09 123 45 67"}[veld]
    response = client.post(
        "/doorverwijzing/gezondheidsgids/", geldig(**{veld: f"{waarde}\r\nBcc: x@example.org"})
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf dit op één regel, zonder Enter." in html
    assert f'href="#id_{veld}' in html
    assert not Aanvraag.objects.exists() and not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_line_break_in_the_report_address_is_refused(client, partner_a):
    response = client.post(
        f"/doorverwijzing/correctie/{partner_a.offer.pk}/",
        {"bericht": "Fout.", "email": "a@example.org\nBcc: x@example.org"},
    )
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres." in response.content.decode()
    assert not Correctiemelding.objects.exists() and not OutgoingMail.objects.exists()


def test_coordinator_mail_lists_languages_by_name(
    client, coordinator, django_capture_on_commit_callbacks
):
    talen = [Taal.objects.get(slug="sq").pk, Taal.objects.get(slug="ar").pk]
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/doorverwijzing/gezondheidsgids/", geldig(talen=talen))
    (coord,) = [m for m in mail.outbox if m.to == ["coordinator@example.org"]]
    assert "Talen: Albanees, Arabisch\n" in coord.body
    assert "QuerySet" not in coord.body


class TraagBackend(BaseEmailBackend):
    """Records every message; slow enough that two senders overlap."""

    verstuurd = []

    def send_messages(self, email_messages):
        time.sleep(0.005)
        type(self).verstuurd.extend(m.subject for m in email_messages)
        return len(email_messages)


@pytest.fixture
def eigen_verbinding(transactional_db, django_db_serialized_rollback, tmp_path):
    """Returns a function each thread calls first: its own connection to the test database.
    On SQLite a file copy (WAL, as in production): an in-memory database shared between
    threads locks whole tables instead of waiting its turn. Serialized rollback: a plain flush
    afterwards recreates content types, which the next serialized test then inserts again."""
    original = connections["default"]
    if original.vendor != "sqlite":
        yield lambda: None
        return
    path = tmp_path / "db.sqlite3"

    def verbind():
        if not path.exists():
            original.ensure_connection()
            kopie = sqlite3.connect(path)
            original.connection.backup(kopie)
            kopie.close()
        connections["default"] = type(original)(
            {**original.settings_dict, "NAME": str(path)}, alias="default"
        )

    yield verbind
    connections["default"].close()
    connections["default"] = original


def test_two_cron_runs_at_once_send_every_mail_once(eigen_verbinding, settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.TraagBackend"}}
    TraagBackend.verstuurd = []
    OutgoingMail.objects.bulk_create(
        OutgoingMail(to=["a@example.org"], from_email="x@example.org", subject=f"Mail {n}", body="")
        for n in range(30)
    )
    eigen_verbinding()  # the copy holds the 30 mails; this thread reads from it afterwards
    fouten = []
    start = threading.Barrier(2)

    def cron():
        eigen_verbinding()
        try:
            start.wait()
            send_due(limit=30)
        except Exception as error:  # noqa: BLE001 - reported below
            fouten.append(error)
        finally:
            connections["default"].close()

    runs = [threading.Thread(target=cron) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert fouten == []
    assert sorted(TraagBackend.verstuurd) == sorted(f"Mail {n}" for n in range(30))
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
