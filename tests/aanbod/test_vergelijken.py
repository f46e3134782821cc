"""The coordinator compares a submission and reads choice labels, not stored Python lists."""

import re

from django.test import Client
from django.urls import reverse

from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.models import AanbodPage


def compare_live_with_latest(user, offer):
    client = Client()
    client.force_login(user)
    latest = AanbodPage.objects.get(pk=offer.pk).latest_revision
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[offer.pk, "live", str(latest.pk)])
    )
    assert response.status_code == 200
    return response.content.decode()


def test_comparison_shows_price_labels_not_python_lists(coordinator, partner_a):
    offer = partner_a.offer
    offer.prijs = [PrijsCategorie.GRATIS]
    offer.save_revision().publish()
    offer = AanbodPage.objects.get(pk=offer.pk)
    offer.prijs = [PrijsCategorie.GRATIS, PrijsCategorie.KANSENTARIEF]
    offer.save_revision()

    html = compare_live_with_latest(coordinator, offer)

    assert "['gratis'" not in html and "[&#x27;gratis&#x27;" not in html
    # Unchanged "Gratis" stays, "Kansentarief / UiTPAS" is marked as added.
    assert "Gratis" in html
    assert re.search(r'<span class="addition">\s*Kansentarief / UiTPAS\s*</span>', html)


def test_comparison_shows_form_and_enrolment_labels(coordinator, partner_a):
    offer = partner_a.offer
    offer.vormen = [Vorm.ONLINE]
    offer.inschrijving = [Inschrijving.OP_AFSPRAAK]
    offer.save_revision().publish()
    offer = AanbodPage.objects.get(pk=offer.pk)
    offer.vormen = [Vorm.AAN_HUIS]
    offer.inschrijving = [Inschrijving.ZONDER_AFSPRAAK]
    offer.save_revision()

    html = compare_live_with_latest(coordinator, offer)

    assert re.search(r'<span class="deletion">\s*Online\s*</span>', html)
    assert re.search(r'<span class="addition">\s*Aan huis\s*</span>', html)
    assert re.search(r'<span class="deletion">\s*Op afspraak\s*</span>', html)
    assert re.search(r'<span class="addition">\s*Zonder afspraak\s*</span>', html)
    assert "'online'" not in html and "&#x27;online&#x27;" not in html
