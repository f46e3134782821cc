"""A caregiver's whole referral journey in a real Chromium: search, collect three offers, print
the handout (content and QR target), share the selection with a colleague (fresh browser
context), ask for a gezondheidsgids; then the coordinator matches it in the admin. axe-core
(WCAG 2.1 AA) on the offer page, the selection and the handout.

Runs against live_server (transactional database, real commits, so on_commit mails are sent).
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re

from django.core import mail

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.enums import Inschrijving, PrijsCategorie
from aanbod.models import Taal, Toegankelijkheid, Wijk
from doorverwijzing.enums import Soort, Status
from doorverwijzing.models import Aanvraag, Gezondheidsgids, Telling
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

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
    summary = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert violations == [], f"{page.url}: {summary}"


@pytest.fixture
def aanbod(site_tree, index_dir, coordinator):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Rabot", slug="wgc-rabot")
    pages = []
    for n, titel in enumerate(
        ["Wandelclub Rabot", "Wandelen met de buurt", "Wandeltocht Ledeberg"]
    ):
        page = AanbodPageFactory(
            parent=org,
            title=titel,
            prijs=[PrijsCategorie.GRATIS] if n else [PrijsCategorie.KANSENTARIEF],
            inschrijving=[Inschrijving.ZONDER_AFSPRAAK],
            talen=list(Taal.objects.filter(slug__in=["nl", "ar"])),
        )
        page.toegankelijkheid.set(Toegankelijkheid.objects.filter(slug="rolstoeltoegankelijk"))
        page.wijken.set(Wijk.objects.filter(slug="rabot-blaisantvest"))
        page.locaties.create(
            naam="Buurtcentrum", straat_nummer=f"Rabotstraat {n + 1}", postcode="9000"
        )
        page.save()
        pages.append(publish(page))
    other = AanbodPageFactory(parent=org, title="Tandartsbezoek")
    publish(other)
    gids = Gezondheidsgids.objects.create(naam="Fatima", beschikbaarheid="dinsdag")
    gids.talen.set(Taal.objects.filter(slug="ar"))
    rebuild()
    return pages


def header_count(page):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=re.compile("Mijn selectie")
    )


def test_caregiver_refers_a_client_and_the_coordinator_matches(
    live_server, page, browser, aanbod, coordinator
):
    base = live_server.url
    # 1. Search.
    page.goto(base + "/aanbod/")
    page.get_by_label("Zoek op woorden").fill("wandel")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("#resultaten-titel")).to_have_text("3 aanbod gevonden")

    # 2. Add three offers from their pages; the header count follows (JS: no page reload).
    for n, offer in enumerate(aanbod, start=1):
        page.get_by_role("link", name=offer.title, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(offer.title)
        if n == 1:
            # The offer page answers a referral's questions, and is accessible.
            for block in ("Wat", "Waar", "Wanneer", "Wat kost het", "Hoe inschrijven", "Talen"):
                expect(page.get_by_role("region", name=block, exact=True)).to_be_visible()
            expect(page.get_by_role("region", name="Wat kost het")).to_contain_text(
                "Met kansentarief of een UiTPAS met kansentarief betaal je minder."
            )
            page.get_by_text("Klopt er iets niet?").click()
            expect(page.get_by_label("Wat klopt er niet?")).to_be_visible()
            assert_no_axe_violations(page)
        page.get_by_role("button", name=f"Zet in mijn selectie: {offer.title}").click()
        expect(page.get_by_role("link", name="je selectie")).to_be_visible()
        expect(header_count(page)).to_have_text(f"Mijn selectie ({n})")
        page.go_back()

    # 3. The selection, reordered.
    header_count(page).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn selectie")
    items = page.locator(".selectie-item h2")
    expect(items).to_have_text([o.title for o in aanbod])
    page.get_by_role("button", name=f"Hoger: {aanbod[2].title}").click()
    expect(items).to_have_text([aanbod[0].title, aanbod[2].title, aanbod[1].title])
    assert_no_axe_violations(page)

    # 4. The handout: content, QR target, print layout.
    page.get_by_role("button", name="Open de doorverwijsfiche").click()
    expect(page).to_have_url(re.compile(r"/selectie/fiche/\?taal=nl$"))
    sheets = page.locator("article.fiche")
    expect(sheets).to_have_count(3)
    first = sheets.first
    expect(first.get_by_role("heading", level=1)).to_have_text(aanbod[0].title)
    for text in (
        "Minder betalen met kansentarief of UiTPAS",
        "Je mag gewoon binnenlopen",
        "Toegankelijk met een rolstoel",
        "Rabotstraat 1, 9000 Gent",
        "Jouw afspraak",
    ):
        expect(first).to_contain_text(text)
    qr = first.locator("footer.fiche-qr")
    expect(qr).to_have_attribute("data-qr-url", base + aanbod[0].url)
    expect(qr.locator("svg[role=img]")).to_have_attribute(
        "aria-label", f"QR-code naar {aanbod[0].title}"
    )
    assert qr.locator("svg path").count() >= 1
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    expect(page.locator(".fiche-balk")).to_be_hidden()
    expect(first).to_be_visible()
    page.emulate_media(media="screen")
    # Arabic: right to left, the partner's text left as written.
    page.get_by_label("Taal van de fiche").select_option("ar")
    page.get_by_role("button", name="Toon in deze taal").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(first).to_contain_text("معلومات لك")
    assert_no_axe_violations(page)
    page.go_back()
    page.go_back()

    # 5. Share: the link opens exactly this selection for a colleague.
    page.goto(base + "/selectie/")
    page.get_by_role("button", name="Maak een link").click()
    link = page.get_by_label("Kopieer deze link").input_value()
    assert link.startswith(base + "/selectie/?ids=")
    colleague = browser.new_context()
    other = colleague.new_page()
    other.goto(link)
    expect(other.get_by_role("heading", level=1)).to_have_text("Gedeelde selectie")
    expect(other.locator(".selectie-item h2")).to_have_text(
        [aanbod[0].title, aanbod[2].title, aanbod[1].title]
    )
    expect(other.get_by_text("Tandartsbezoek")).to_have_count(0)
    expect(header_count(other)).to_have_text("Mijn selectie (0)")  # their own stays empty
    colleague.close()

    # 6. Ask for a gezondheidsgids.
    page.get_by_role("link", name="Vraag een gezondheidsgids").click()
    expect(page.get_by_text("geen naam, adres of gezondheidsgegevens", exact=True)).to_be_visible()
    page.get_by_role("button", name="Verstuur de aanvraag").click()  # empty: clear messages
    expect(page.get_by_role("alert")).to_contain_text("Vul de naam van je organisatie in.")
    page.get_by_label("Je organisatie").fill("CAW Oost-Vlaanderen")
    page.get_by_label("Je naam").fill("Sara")
    page.get_by_label("Je e-mailadres").fill("sara@caw.example")
    page.get_by_role("checkbox", name="Arabisch").check()
    page.get_by_label("In welke wijk woont de cliënt?").select_option(label="Rabot - Blaisantvest")
    page.get_by_role("radio", name="Toeleiden naar laagdrempelig leefstijlaanbod").check()
    page.get_by_role("radio", name="Binnen de maand").check()
    page.get_by_label("Wat moet de gezondheidsgids weten?").fill("Samen naar de eerste wandeling.")
    page.get_by_role("checkbox", name=re.compile("Ik schreef geen naam")).check()
    page.get_by_role("button", name="Verstuur de aanvraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, je aanvraag is verstuurd")
    aanvraag = Aanvraag.objects.get()
    assert set(aanvraag.aanbod.values_list("pk", flat=True)) == {p.pk for p in aanbod}
    assert Telling.objects.filter(soort=Soort.GIDS).count() == 3
    assert Telling.objects.filter(soort=Soort.FICHE).count() == 3
    assert Telling.objects.filter(soort=Soort.GEDEELD).count() == 3

    # 7. The coordinator matches it in the admin; Sara gets an e-mail.
    admin = browser.new_context().new_page()
    admin.goto(base + "/admin/login/")
    admin.locator("input[name=username]").fill("coordinator")
    admin.locator("input[name=password]").fill("wachtwoord")
    admin.locator("form button[type=submit]").first.click()
    expect(admin).to_have_url(base + "/admin/")
    admin.goto(base + "/admin/aanvragen/")
    admin.get_by_role("link", name=re.compile(f"Aanvraag {aanvraag.pk} van CAW")).first.click()
    fatima = Gezondheidsgids.objects.get(naam="Fatima")
    keuze = admin.get_by_label("Gezondheidsgids", exact=True)
    expect(keuze.locator("option").nth(1)).to_have_text("Fatima ✓ past · Arabisch · heel Gent")
    keuze.select_option(str(fatima.pk))
    admin.locator("select[name=status]").select_option(Status.GEKOPPELD)
    admin.get_by_role("button", name="Opslaan").click()
    expect(admin.get_by_text("Gekoppeld aan een gezondheidsgids").first).to_be_visible()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.GEKOPPELD and aanvraag.gids.naam == "Fatima"
    subjects = [(m.to, m.subject) for m in mail.outbox]
    assert (["sara@caw.example"], "Er is een gezondheidsgids voor je aanvraag") in subjects


def test_selection_mail_and_correction_work_without_javascript(live_server, browser, aanbod):
    base = live_server.url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    organisatie = base + aanbod[0].get_parent().url
    page.goto(organisatie)
    for n, offer in enumerate(aanbod, start=1):
        page.get_by_role("button", name=f"Zet in mijn selectie: {offer.title}").click()
        # Back on the same list, at the same card, which now says it is in the selection.
        expect(page).to_have_url(f"{organisatie}#aanbod-{offer.pk}")
        expect(page.locator(f"#aanbod-{offer.pk}")).to_contain_text("In je selectie")
        expect(header_count(page)).to_have_text(f"Mijn selectie ({n})")

    header_count(page).click()
    page.get_by_role("button", name=f"Verwijder: {aanbod[1].title}").click()
    expect(page.locator(".selectie-item h2")).to_have_text([aanbod[0].title, aanbod[2].title])

    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Mail deze selectie").click()
    expect(page.get_by_role("alert")).to_contain_text("Dit is geen geldig e-mailadres.")
    expect(page.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("E-mailadres").fill("collega@example.org")
    page.get_by_role("button", name="Mail deze selectie").click()
    expect(page.get_by_role("status")).to_contain_text("We stuurden je selectie naar")
    assert mail.outbox[-1].to == ["collega@example.org"]

    page.get_by_role("button", name="Open de doorverwijsfiche").click()
    expect(page.locator("article.fiche")).to_have_count(2)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_hidden()  # needs JS
    expect(page.get_by_text("Afdrukken: Ctrl+P")).to_be_visible()

    page.goto(base + aanbod[0].url)
    page.get_by_text("Klopt er iets niet?").click()
    page.get_by_label("Wat klopt er niet?").fill("De wandeling start nu om 10 uur.")
    page.get_by_role("button", name="Stuur je melding").click()
    expect(page.get_by_role("status")).to_contain_text("Bedankt! We stuurden je melding")
    assert "10 uur" in mail.outbox[-1].body
    context.close()


def test_adding_by_keyboard_keeps_focus_and_announces(live_server, page, aanbod):
    page.goto(live_server.url + aanbod[0].url)
    button = page.get_by_role("button", name=f"Zet in mijn selectie: {aanbod[0].title}")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="je selectie")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text(
        "Toegevoegd aan je selectie. Er staat nu 1 aanbod in."
    )
    expect(header_count(page)).to_have_text("Mijn selectie (1)")
    page.reload()  # the server agrees
    expect(header_count(page)).to_have_text("Mijn selectie (1)")


def test_printed_selection_is_a_plain_list(live_server, page, aanbod):
    page.goto(live_server.url + aanbod[0].url)
    page.get_by_role("button", name=f"Zet in mijn selectie: {aanbod[0].title}").click()
    expect(header_count(page)).to_have_text("Mijn selectie (1)")
    page.goto(live_server.url + "/selectie/")
    page.emulate_media(media="print")
    expect(page.locator(".selectie-item h2")).to_have_text([aanbod[0].title])
    expect(page.get_by_role("button", name=f"Verwijder: {aanbod[0].title}")).to_be_hidden()
    expect(page.get_by_role("button", name="Mail deze selectie")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Maak mijn selectie leeg")).to_be_hidden()
