"""The demo data agrees with itself: every demo offer's schedule text names only the days and
hours of its dated activities (the Rookstopgroep once said Wednesdays while its dates were
Tuesdays), and the pages built from it show no contradiction."""

import re

from django.core.management import call_command

import pytest

from aanbod.models import AanbodPage
from kalender.models import ActiviteitPage
from kalender.wanneer import wanneer_per_aanbod


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_demo_offer_agrees_with_its_dates(client, demo):
    offers = list(AanbodPage.objects.zichtbaar())
    per_aanbod = wanneer_per_aanbod(offers)
    tegenspraak = {
        p.title: per_aanbod[p.pk].oordeel.tegenspraak
        for p in offers
        if per_aanbod[p.pk].oordeel.tegenspraak
    }
    assert tegenspraak == {}
    met_data = [p for p in offers if per_aanbod[p.pk].reeksen]
    assert len(met_data) >= 15  # the check compared something

    rookstop = AanbodPage.objects.get(title="Rookstopgroep in de wijk")
    html = plain(client.get(rookstop.url).content.decode())
    assert "Elke dinsdag, 19.00 tot 21.00 uur: " in html
    assert rookstop.planning in html  # it agrees, so it stays
    assert "woensdag" not in html.lower()


def test_demo_activity_pages_give_address_enrolment_and_one_price(client, demo):
    for page in ActiviteitPage.objects.live():
        html = client.get(page.url).content.decode()
        prijs = _blok(html, "prijs")
        assert not ("Gratis" in prijs and "€" in prijs), page.title
        assert re.search(r"\d{4} Gent", _blok(html, "waar")), page.title  # a full address
        inschrijven = _blok(html, "inschrijven")
        if "Op afspraak" in inschrijven or "Inschrijven" in inschrijven:
            assert re.search(r"Bel |Mail |Schrijf je online in|Website van", inschrijven), (
                page.title
            )
    mondcheck = ActiviteitPage.objects.get(title="Gratis mondcheck tijdens de mondzorgmaand")
    assert _blok(client.get(mondcheck.url).content.decode(), "prijs").strip() == (
        "Wat kost het Gratis"
    )


def _blok(html, id_):
    match = re.search(rf'<h2 id="{id_}">.*?</section>', html, re.S)
    return plain(match.group(0)) if match else ""
