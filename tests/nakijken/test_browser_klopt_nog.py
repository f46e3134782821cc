"""A partner's whole "Klopt nog" in a real Chromium: a due offer, the daily command, the mail
from the outbox, the link opened (no login), the button clicked, and the offer's page shows the
new "Laatst nagekeken" date. axe-core (WCAG 2.1 AA) on the question and the confirmation."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import io
import re

from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.models import AanbodPage
from preventiezoeker.outbox.models import OutgoingMail

from .helpers import maanden_geleden, nagekeken

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_no_axe_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_partner_confirms_an_offer_from_the_mail(live_server, page, partner_a, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    oud = maanden_geleden(13)
    offer = nagekeken(partner_a.offer, oud)
    call_command("aanbod_nakijken", stdout=io.StringIO())

    mail = OutgoingMail.objects.get(to=["partner-a@example.org"])
    link = re.search(r"Klopt nog: (\S+)", mail.body).group(1)
    assert link.startswith(live_server.url)

    page.goto(offer.full_url.replace("http://localhost", live_server.url))
    expect(page.locator(".actualiteit-waarschuwing")).to_contain_text("Mogelijk niet meer actueel")

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Klopt dit aanbod nog?")
    expect(page.locator("main, body").first).to_contain_text(offer.title)
    assert AanbodPage.objects.get(pk=offer.pk).laatst_nagekeken == oud  # opening changed nothing
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Ja, dit aanbod klopt nog").click()
    expect(page.locator(".melding-ok")).to_contain_text("staat nu als nagekeken")
    assert_no_axe_violations(page)
    vandaag = timezone.localdate()
    assert AanbodPage.objects.get(pk=offer.pk).laatst_nagekeken == vandaag

    page.get_by_role("link", name="Bekijk het aanbod op de website").click()
    expect(page.locator("#laatst-nagekeken")).to_have_text(
        f"Laatst nagekeken op {date_format(vandaag, 'j F Y')}."
    )
    expect(page.locator(".actualiteit-waarschuwing")).to_have_count(0)

    # The same link a second time: a clear page, nothing changed.
    response = page.goto(link)
    assert response.status == 409
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link is al gebruikt")
