"""The offer page's Wanneer block (moved here from the API tests: it is a page test)."""

import datetime

from django.utils import timezone

from tests.aanbod.factories import publish
from tests.kalender.conftest import T, maak_activiteit


def test_offer_page_shows_wanneer_for_dates_even_without_a_schedule_text(client, partner_a):
    offer = partner_a.offer
    offer.planning = ""
    publish(offer)
    html = client.get(offer.url).content.decode()
    assert 'id="wanneer"' not in html  # nothing to say: no empty block
    assert f'href="/kalender/ical/?aanbod={offer.pk}"' in html  # but it can be followed
    maak_activiteit(
        partner_a.organisatie, "Extra sessie", aanbod=offer,
        data=[(timezone.localdate() + datetime.timedelta(days=2), T(14), T(16))],
    )  # fmt: skip
    html = client.get(offer.url).content.decode()
    assert 'id="wanneer"' in html and "Volgende data" in html and "14.00 tot 16.00 uur" in html
