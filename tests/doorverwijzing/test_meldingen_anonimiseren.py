"""A closed report keeps its reporter's address no longer than a closed gezondheidsgids
request keeps its caregiver's: `aanvragen_anonimiseren` erases both."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from doorverwijzing.enums import MeldingStatus
from doorverwijzing.models import Correctiemelding


def melding(status, afgehandeld_dagen_geleden=None):
    afgehandeld = (
        timezone.now() - datetime.timedelta(days=afgehandeld_dagen_geleden)
        if afgehandeld_dagen_geleden is not None
        else None
    )
    return Correctiemelding.objects.create(
        aanbod_titel="Beweegcoach", bericht="Het uur klopt niet.", email="melder@example.org",
        status=status, afgehandeld_op=afgehandeld,
        aangemaakt=timezone.now() - datetime.timedelta(days=800),
    )  # fmt: skip


def test_old_closed_reports_lose_the_address_and_nothing_else(db):
    oud_opgelost = melding(MeldingStatus.OPGELOST, 400)
    oud_niet_nodig = melding(MeldingStatus.NIET_NODIG, 400)
    recent = melding(MeldingStatus.OPGELOST, 20)
    open_ = melding(MeldingStatus.IN_BEHANDELING)
    nieuw = melding(MeldingStatus.NIEUW)

    call_command("aanvragen_anonimiseren", "--maanden", "12", verbosity=0)

    for m in (oud_opgelost, oud_niet_nodig):
        m.refresh_from_db()
        assert m.email == "" and m.bericht == "Het uur klopt niet."
    for m in (recent, open_, nieuw):  # still needed: closing an open one mails the reporter
        m.refresh_from_db()
        assert m.email == "melder@example.org"
