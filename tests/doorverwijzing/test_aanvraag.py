"""Requesting a gezondheidsgids: the caregiver's form, no client data anywhere, the coordinator's
status steps and the e-mail at each step."""

from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from aanbod.models import Taal, Wijk
from doorverwijzing.enums import Soort, Status, Taak
from doorverwijzing.models import Aanvraag, Gezondheidsgids, Telling
from doorverwijzing.ratelimit import LIMIETEN


def geldig(**extra):
    return {
        "organisatie": "CAW Oost-Vlaanderen",
        "naam": "Sara Hulpverlener",
        "email": "sara@caw.example",
        "telefoon": "09 123 45 67",
        "talen": [Taal.objects.get(slug="ar").pk, Taal.objects.get(slug="fr").pk],
        "wijk": Wijk.objects.get(slug="rabot-blaisantvest").pk,
        "taak": Taak.TOELEIDEN_LEEFSTIJL,
        "dringendheid": "binnen-maand",
        "vraag": "Samen naar de eerste les gaan.",
        "geen_clientgegevens": "on",
        **extra,
    }


@pytest.fixture
def aanvraag(db, site_tree):
    nieuw = Aanvraag.objects.create(
        organisatie="CAW", naam="Sara", email="sara@caw.example",
        taak=Taak.TOELEIDEN_ZORG, dringendheid="deze-week", vraag="Mee naar de tandarts.",
    )  # fmt: skip
    nieuw.talen.set(Taal.objects.filter(slug="ar"))
    return Aanvraag.objects.get(pk=nieuw.pk)


@pytest.fixture
def gids(db):
    gids = Gezondheidsgids.objects.create(naam="Fatima", beschikbaarheid="maandag")
    gids.talen.set(Taal.objects.filter(slug__in=["ar", "nl"]))
    return gids


def test_request_model_has_no_field_for_client_identity_or_health():
    names = {f.name for f in Aanvraag._meta.get_fields()}
    assert names == {
        "id", "organisatie", "naam", "email", "telefoon", "talen", "wijk", "taak",
        "dringendheid", "vraag", "aanbod", "status", "gids", "toelichting", "aangemaakt",
        "gewijzigd", "taal", "gekoppeld_op",
    }  # fmt: skip
    # naam/email/telefoon are the caregiver's, and say so.
    for field in ("naam", "email", "telefoon", "organisatie"):
        assert "hulpverlener" in Aanvraag._meta.get_field(field).verbose_name


def test_counts_carry_no_identifiers():
    from doorverwijzing.models import Telling

    assert {f.name for f in Telling._meta.get_fields()} == {
        "id",
        "aanbod",
        "maand",
        "soort",
        "aantal",
    }


def test_form_says_no_client_data(client, partner_a):
    html = client.get(f"/doorverwijzing/gezondheidsgids/?aanbod={partner_a.offer.pk}").content
    html = html.decode()
    assert "geen naam, adres of gezondheidsgegevens" in html
    assert partner_a.offer.title in html  # the offer the request is about
    for taak in Taak:
        assert str(taak.label) in html


def test_request_is_saved_mailed_and_counted(
    client, partner_a, partner_b, coordinator, django_capture_on_commit_callbacks
):
    ids = f"{partner_a.offer.pk},{partner_b.offer.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        with_commit = client.post("/doorverwijzing/gezondheidsgids/", geldig(ids=ids))
    assert with_commit.status_code == 302
    assert with_commit["Location"] == "/doorverwijzing/gezondheidsgids/bedankt/"
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == Status.NIEUW
    assert sorted(aanvraag.talen.values_list("slug", flat=True)) == ["ar", "fr"]
    assert set(aanvraag.aanbod.all()) == {partner_a.offer, partner_b.offer}
    assert Telling.objects.filter(soort=Soort.GIDS).count() == 2
    aan = {tuple(m.to): m for m in mail.outbox}
    assert aan[("sara@caw.example",)].subject == "We kregen je aanvraag voor een gezondheidsgids"
    coord = aan[("coordinator@example.org",)]
    assert "Nieuwe aanvraag gezondheidsgids" in coord.subject
    assert f"/admin/aanvragen/edit/{aanvraag.pk}/" in coord.body


@pytest.mark.parametrize(
    "wijziging, veld, melding",
    [
        ({"organisatie": ""}, "organisatie", "Vul de naam van je organisatie in."),
        ({"email": "geen-mail"}, "email", "Dit is geen geldig e-mailadres."),
        ({"telefoon": "bel me"}, "telefoon", "Geef een geldig telefoonnummer"),
        ({"talen": []}, "talen", "Kies minstens één taal."),
        ({"taak": ""}, "taak", "Kies welke ondersteuning je zoekt."),
        ({"taak": "iets-anders"}, "taak", "Selecteer een geldige keuze"),
        ({"dringendheid": ""}, "dringendheid", "Kies hoe dringend het is."),
        ({"vraag": ""}, "vraag", "Schrijf kort wat de gezondheidsgids moet weten."),
        ({"vraag": "x" * 1001}, "vraag", "Schrijf het korter: maximaal 1000 tekens."),
        ({"geen_clientgegevens": ""}, "geen_clientgegevens", "Vink aan dat je geen gegevens"),
    ],
)
def test_validation_messages(client, site_tree, wijziging, veld, melding):
    response = client.post("/doorverwijzing/gezondheidsgids/", geldig(**wijziging))
    assert response.status_code == 400
    html = response.content.decode()
    assert melding in html
    assert f'href="#id_{veld}' in html  # the error summary links to the field
    assert not Aanvraag.objects.exists()


def test_honeypot_pretends_success_but_stores_nothing(client, site_tree):
    response = client.post("/doorverwijzing/gezondheidsgids/", geldig(website="http://spam"))
    assert response.status_code == 302
    assert not Aanvraag.objects.exists() and mail.outbox == []


def test_rate_limited_per_ip(client, site_tree):
    limiet, _ = LIMIETEN["aanvraag-ip"]
    for _ in range(limiet):
        assert client.post("/doorverwijzing/gezondheidsgids/", geldig()).status_code == 302
    response = client.post("/doorverwijzing/gezondheidsgids/", geldig())
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Aanvraag.objects.count() == limiet


def test_each_status_step_mails_the_requester(aanvraag, gids, django_capture_on_commit_callbacks):
    stappen = [
        (Status.GEKOPPELD, "Er is een gezondheidsgids voor je aanvraag", "Fatima"),
        (Status.AFGEROND, "Je aanvraag voor een gezondheidsgids is afgerond", ""),
    ]
    aanvraag.gids = gids
    for status, onderwerp, inhoud in stappen:
        aanvraag.status = status
        aanvraag.full_clean()
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag.save()
        message = mail.outbox[-1]
        assert message.to == ["sara@caw.example"] and message.subject == onderwerp
        assert inhoud in message.body
    assert len(mail.outbox) == 2


def test_not_matched_mail_includes_the_explanation(aanvraag, django_capture_on_commit_callbacks):
    aanvraag.status = Status.NIET_GELUKT
    aanvraag.toelichting = "Er is nu geen gids die Arabisch spreekt."
    aanvraag.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag.save()
    assert mail.outbox[-1].subject == "Je aanvraag voor een gezondheidsgids is niet gelukt"
    assert "geen gids die Arabisch spreekt" in mail.outbox[-1].body


def test_saving_without_a_status_change_sends_nothing(aanvraag, django_capture_on_commit_callbacks):
    aanvraag.toelichting = "Nota"
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag.save()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "van, naar, gids_nodig",
    [(Status.NIEUW, Status.AFGEROND, False), (Status.AFGEROND, Status.NIEUW, False),
     (Status.NIEUW, Status.GEKOPPELD, True)],
)  # fmt: skip
def test_impossible_steps_are_refused(aanvraag, van, naar, gids_nodig):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(status=van)
    aanvraag = Aanvraag.objects.get(pk=aanvraag.pk)
    aanvraag.status = naar
    with pytest.raises(ValidationError) as error:
        aanvraag.full_clean()
    assert ("gids" if gids_nodig else "status") in error.value.message_dict


def test_old_closed_requests_are_anonymised(aanvraag, gids):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    open_ = Aanvraag.objects.create(
        organisatie="OCMW", naam="Tom", email="tom@example.org", taak=Taak.SIGNALEREN,
        dringendheid="geen-haast", vraag="Nog open.",
    )  # fmt: skip
    oud = timezone.now() - datetime.timedelta(days=400)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(status=Status.AFGEROND, gids=gids, gewijzigd=oud)
    Aanvraag.objects.filter(pk=open_.pk).update(gewijzigd=oud)
    call_command("aanvragen_anonimiseren", "--maanden", "12", verbosity=0)
    aanvraag.refresh_from_db()
    open_.refresh_from_db()
    assert (aanvraag.naam, aanvraag.email, aanvraag.vraag) == ("", "", "")
    assert aanvraag.taak == Taak.TOELEIDEN_ZORG and aanvraag.talen.exists()  # figures stay
    assert open_.email == "tom@example.org"  # still being handled: untouched
