"""In a real Chromium: a visitor reports a mistake on an offer page; the coordinator logs into
the admin, opens the report, takes it on and solves it; the reporter's mail is in the outbox and
the offer's page says it was checked today.

Runs against live_server (transactional database, real commits, so on_commit mails are sent).
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime

from django.core import mail
from django.utils import formats, timezone, translation

import pytest
from playwright.sync_api import expect

from aanbod.models import AanbodPage
from doorverwijzing.enums import MeldingStatus
from doorverwijzing.models import Correctiemelding

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_reports_and_the_coordinator_solves_it(
    live_server, browser, partner_a, coordinator, index_dir
):
    base = live_server.url
    offer = partner_a.offer
    AanbodPage.objects.filter(pk=offer.pk).update(laatst_nagekeken=datetime.date(2025, 3, 1))

    # 1. A visitor reports on the offer page, leaving an address for the answer.
    bezoeker = browser.new_context().new_page()
    bezoeker.goto(base + offer.url)
    expect(bezoeker.locator("#laatst-nagekeken")).to_contain_text("2025")
    bezoeker.get_by_text("Klopt er iets niet?").click()
    bezoeker.get_by_label("Wat klopt er niet?").fill("De groep start nu om 10 uur, niet 9 uur.")
    bezoeker.get_by_label("Je e-mailadres (niet verplicht)").fill("bewoner@example.org")
    bezoeker.get_by_role("button", name="Stuur je melding").click()
    expect(bezoeker.locator(".melding-ok")).to_contain_text("Bedankt! We stuurden je melding")
    melding = Correctiemelding.objects.get()
    (nieuw,) = mail.outbox
    assert sorted(nieuw.to) == ["coordinator@example.org", "partner-a@example.org"]

    # 2. The coordinator logs in; the menu counts one open report.
    admin = browser.new_context().new_page()
    admin.goto(base + "/admin/login/")
    admin.locator("input[name=username]").fill("coordinator")
    admin.locator("input[name=password]").fill("wachtwoord")
    admin.locator("form button[type=submit]").first.click()
    expect(admin).to_have_url(base + "/admin/")
    admin.get_by_role("link", name="Meldingen (1 open)").click()
    admin.get_by_role("link", name=offer.title).first.click()
    expect(admin).to_have_url(base + f"/admin/correctiemeldingen/edit/{melding.pk}/")
    expect(admin.get_by_text("De groep start nu om 10 uur, niet 9 uur.")).to_be_visible()

    # 3. Takes it on, then solves it with a word for the reporter.
    admin.get_by_role("button", name="Ik neem dit op").click()
    expect(admin.get_by_text("Je neemt deze melding op.")).to_be_visible()
    expect(admin.locator("[data-melding-status]")).to_contain_text("In behandeling")
    expect(admin.get_by_role("button", name="Ik neem dit op")).to_have_count(0)
    admin.get_by_label("Antwoord aan de melder (niet verplicht)").fill(
        "Het uur is aangepast. Bedankt!"
    )
    admin.get_by_role("button", name="Opgelost", exact=True).click()
    expect(admin.get_by_text("De melding is opgelost.")).to_be_visible()
    expect(admin.locator("[data-melding-status]")).to_contain_text("Opgelost")
    expect(admin.locator(".melding-geschiedenis li")).to_have_count(3)
    expect(admin.get_by_role("button", name="Opgelost", exact=True)).to_have_count(0)

    melding.refresh_from_db()
    assert melding.status == MeldingStatus.OPGELOST and melding.behandelaar == coordinator

    # 4. The reporter's mail is in the outbox; the offer counts as checked today.
    aan_melder = mail.outbox[-1]
    assert aan_melder.to == ["bewoner@example.org"]
    assert "Het uur is aangepast. Bedankt!" in aan_melder.body
    vandaag = timezone.localdate()
    assert AanbodPage.objects.get(pk=offer.pk).laatst_nagekeken == vandaag
    with translation.override("nl"):
        dag = formats.date_format(vandaag, "j F Y")
    bezoeker.goto(base + offer.url)
    expect(bezoeker.locator("#laatst-nagekeken")).to_contain_text(f"Laatst nagekeken op {dag}")
