"""The handout with the longest Arabic translation the form allows still prints on one A4 page
with a QR code that decodes to the offer's Arabic page; shortened texts point to the website."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest

from aanbod.models import AanbodVertaling
from tests.aanbod.factories import OrganisatiePageFactory, publish
from tests.doorverwijzing.test_fiche_afdruk import (
    assert_een_blad_per_aanbod,
    pdf_van,
    volledig_aanbod,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ZIN = "نتحرك معًا في الحديقة كل أسبوع، والجميع مرحب بهم دون تسجيل مسبق. "


def vol(lengte):
    """Arabic text of exactly `lengte` characters (the field's maximum)."""
    return (ZIN * (lengte // len(ZIN) + 1))[:lengte]


@pytest.fixture
def rabot(site_tree):
    return OrganisatiePageFactory(parent=site_tree.index, title="WGC Rabot", slug="wgc-rabot")


def test_the_longest_arabic_translation_prints_on_one_page(live_server, page, rabot):
    offer = volledig_aanbod(
        rabot,
        title="Wandelclub Rabot",
        in_het_kort=("Samen wandelen in de buurt. " * 11)[:300],
        beschrijving="<p>" + "Wie wil bewegen, is welkom. " * 40 + "</p>",
    )
    velden = {f.name: f.max_length for f in AanbodVertaling._meta.fields if f.max_length}
    offer.vertalingen = [
        AanbodVertaling(
            taal="ar",
            **{v: vol(velden[v]) for v in ("titel", "in_het_kort", "prijs_toelichting")},
            inschrijving_tekst=vol(velden["inschrijving_tekst"]),
            planning=vol(velden["planning"]),
        )
    ]
    offer = publish(offer)
    for taal in ("ar", "nl"):
        pdf = pdf_van(page, f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/?taal={taal}")
        assert_een_blad_per_aanbod(pdf, live_server.url, [offer], taal)
    page.goto(f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/?taal=ar")
    assert page.locator("h1").get_attribute("dir") == "rtl"
    assert page.locator("h1").get_attribute("lang") == "ar"
    assert page.locator(".fiche-meer").count() == 1  # shortened: "more on the website"
