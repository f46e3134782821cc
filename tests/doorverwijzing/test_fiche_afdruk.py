"""The handout as Chromium prints it: one A4 page per offer, whatever the texts, and the QR code
on every page decodes (zxing-cpp, from the PDF rasterised by poppler's pdftoppm) to that offer's
URL. Runs against live_server, as a caregiver's browser would print it."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils import translation

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from aanbod.demo import laad_demo, load_demo_data
from aanbod.enums import Inschrijving, PrijsCategorie
from aanbod.models import AanbodPage, Taal
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANG_WOORD = "Gezondheidspreventiewerkingsondersteuningsinitiatief"


def pdf_van(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=True)


def qr_per_pagina(pdf: bytes) -> list[list[str]]:
    """The texts of the QR codes found on each page of the PDF, page by page."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        pytest.fail(
            "pdftoppm ontbreekt: installeer het Debian-pakket poppler-utils (./pz test doet het)."
        )
    with tempfile.TemporaryDirectory() as tmp:
        bron = Path(tmp) / "fiche.pdf"
        bron.write_bytes(pdf)
        subprocess.run([pdftoppm, "-r", "150", "-png", bron, Path(tmp) / "p"], check=True)
        beelden = sorted(Path(tmp).glob("p-*.png"))
        return [
            [b.text for b in zxingcpp.read_barcodes(Image.open(p)) if b.format == zxingcpp.QRCode]
            for p in beelden
        ]


def pagina_aantal(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def assert_een_blad_per_aanbod(pdf, base, offers, taal="nl"):
    """One page per offer, each with a QR code to the offer's page in the handout's language
    (a French sheet leads to /fr/...)."""
    assert pagina_aantal(pdf) == len(offers)
    with translation.override(taal):
        urls = [base + o.get_url() for o in offers]
    assert qr_per_pagina(pdf) == [[url] for url in urls]


@pytest.fixture
def organisatie(site_tree):
    return OrganisatiePageFactory(parent=site_tree.index, title="WGC Rabot", slug="wgc-rabot")


def volledig_aanbod(org, **velden):
    page = AanbodPageFactory(
        parent=org,
        prijs=[PrijsCategorie.KANSENTARIEF, PrijsCategorie.BETALEND],
        bedrag=5,
        prijs_toelichting="Met UiTPAS betaal je 1 euro.",
        inschrijving=[Inschrijving.INSCHRIJVEN, Inschrijving.DOORVERWIJZING],
        inschrijving_telefoon="09 012 34 56",
        inschrijving_email="inschrijven@example.org",
        contactpersoon="Sara De Smet",
        talen=list(Taal.objects.filter(slug__in=["nl", "ar", "fr", "tr"])),
        **velden,
    )
    page.locaties.create(naam="Buurtcentrum Rabot", straat_nummer="Rabotstraat 1", postcode="9000")
    page.save()
    return publish(page)


def test_a_normal_offer_prints_on_one_page_with_its_qr(live_server, page, organisatie):
    offer = volledig_aanbod(organisatie, title="Wandelclub Rabot")
    pdf = pdf_van(page, f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/")
    assert_een_blad_per_aanbod(pdf, live_server.url, [offer])


def test_the_demo_offer_with_the_longest_texts_prints_on_one_page(live_server, page, site_tree):
    data = load_demo_data()

    def lengte(record):
        return sum(len(str(v)) for v in record.values())

    org, record = max(
        ((o, a) for o in data["organisaties"] for a in o["aanbod"]), key=lambda p: lengte(p[1])
    )
    laad_demo({"organisaties": [{**org, "aanbod": [record]}]})
    offer = AanbodPage.objects.get(title=record["titel"])
    pdf = pdf_van(page, f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/?taal=fr")
    assert_een_blad_per_aanbod(pdf, live_server.url, [offer], "fr")


def test_very_long_texts_are_shortened_not_spilled(live_server, page, site_tree):
    org = OrganisatiePageFactory(
        parent=site_tree.index,
        title=(("Vereniging voor " + LANG_WOORD + " ") * 4)[:255],
        slug="lang",
    )
    zin = (
        "Wie wil bewegen, is welkom in de groep en leert er stap voor stap meer over gezond leven. "
    )
    offer = volledig_aanbod(
        org,
        title=((LANG_WOORD + " wandelen ") * 5)[:255],
        slug="lang-aanbod",
        in_het_kort=(zin * 4)[:300],
        beschrijving=f"<p>{(zin * 60)[:5000]}</p>",
        planning=("Elke dinsdag en donderdag van 14 tot 16 uur, behalve in de vakanties. " * 4)[
            :255
        ],
    )
    for n in range(2, 8):
        offer.locaties.create(
            naam=f"Buurtcentrum {n}", straat_nummer=f"Straat {n}", postcode="9000"
        )
    offer.save()
    offer = publish(offer)
    url = f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/"
    pdf = pdf_van(page, url)
    assert_een_blad_per_aanbod(pdf, live_server.url, [offer])
    # Shortened with a clear pointer to the rest, in the handout's language.
    assert "Meer op de website" in page.locator("article.fiche").inner_text()
    pdf = pdf_van(page, url + "?taal=ar")
    assert_een_blad_per_aanbod(pdf, live_server.url, [offer], "ar")


def test_arabic_handout_prints_right_to_left_on_one_page(live_server, page, organisatie):
    offer = volledig_aanbod(organisatie, title="Wandelclub Rabot")
    pdf = pdf_van(page, f"{live_server.url}/doorverwijzing/fiche/{offer.pk}/?taal=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_een_blad_per_aanbod(pdf, live_server.url, [offer], "ar")


def test_a_selection_of_three_prints_one_page_per_offer(live_server, page, organisatie):
    offers = [
        volledig_aanbod(organisatie, title=titel)
        for titel in ("Wandelclub Rabot", "Samen koken", "Rookstop in groep")
    ]
    ids = ",".join(str(o.pk) for o in offers)
    pdf = pdf_van(page, f"{live_server.url}/selectie/fiche/?ids={ids}")
    assert_een_blad_per_aanbod(pdf, live_server.url, offers)
    pdf = pdf_van(page, f"{live_server.url}/selectie/fiche/?ids={ids}&taal=ar")
    assert_een_blad_per_aanbod(pdf, live_server.url, offers, "ar")


def test_selection_page_prints_with_its_button_and_carries_contact_data(
    live_server, page, browser, organisatie
):
    offers = [volledig_aanbod(organisatie, title=t) for t in ("Wandelclub Rabot", "Samen koken")]
    for offer in offers:  # the caregiver's own selection (the print section is theirs)
        page.goto(live_server.url + offer.url)
        page.get_by_role("button", name=f"Zet in mijn selectie: {offer.title}").click()
        page.get_by_role("link", name="je selectie").wait_for()
    # Count window.print() calls instead of opening the dialog.
    page.add_init_script("window.print = () => { window.geprint = (window.geprint || 0) + 1; };")
    page.goto(live_server.url + "/selectie/")
    page.get_by_role("button", name="Druk deze lijst af").click()
    assert page.evaluate("window.geprint") == 1
    page.emulate_media(media="print")
    tekst = "\n".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True))).pages
    )
    for offer in offers:
        assert offer.title in tekst and live_server.url + offer.url in tekst
    assert "Rabotstraat 1, 9000 Gent" in tekst and "09 012 34 56" in tekst
    assert "Druk deze lijst af" not in tekst  # no buttons on paper

    # Without JavaScript the button could do nothing: hidden, the tip says how.
    context = browser.new_context(java_script_enabled=False)
    zonder = context.new_page()
    zonder.goto(live_server.url + offers[0].url)
    zonder.get_by_role("button", name=f"Zet in mijn selectie: {offers[0].title}").click()
    zonder.goto(live_server.url + "/selectie/")
    expect(zonder.get_by_text("Afdrukken met je browser: Ctrl+P")).to_be_visible()
    expect(zonder.locator("button[data-print]")).to_have_count(1)
    expect(zonder.locator("button[data-print]")).to_be_hidden()
    context.close()
