"""The public site in five languages (issue 13, item 3), through the Django test client.

Dutch stays at today's URLs; /fr/, /en/, /ar/, /tr/ carry the other languages; whatever else a
browser sends (Accept-Language, a cookie, ?language=) never switches the language, and the
admin stays Dutch. The browser journeys and axe are in tests/test_browser_talen.py.
"""

import re
import shutil
import subprocess
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from aanbod.facetten import keuzes

LOCALE = Path(__file__).resolve().parent.parent / "locale"
TALEN = ["fr", "en", "ar", "tr"]


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_tag(response):
    tag = soup(response).html
    return tag["lang"], tag["dir"]


def taal_links(response):
    nav = soup(response).find("nav", class_="taalkeuze")
    return {a["hreflang"]: a for a in nav.find_all("a")} if nav else {}


# -- lang, dir and URLs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "lang", "richting"),
    [("/", "nl", "ltr"), ("/fr/", "fr", "ltr"), ("/en/", "en", "ltr"),
     ("/ar/", "ar", "rtl"), ("/tr/", "tr", "ltr")],
)  # fmt: skip
def test_each_language_has_its_own_url_with_lang_and_dir(client, site_tree, url, lang, richting):
    response = client.get(url)
    assert response.status_code == 200
    assert html_tag(response) == (lang, richting)
    assert response["Content-Language"] == lang


def dutch_url(page):
    """page.url in Dutch: the test client leaves the last request's language active."""
    with translation.override("nl"):
        return page.url


def test_french_home_page_speaks_french_and_links_stay_french(client, partner_a):
    url = dutch_url(partner_a.offer)
    response = client.get("/fr/")
    page = soup(response)
    assert "Naar de inhoud" not in response.content.decode()
    assert page.find("a", class_="skip-link").get_text() == "Aller au contenu"
    menu = page.find("ul", class_="menu")
    hrefs = [a["href"] for a in menu.find_all("a")]
    assert hrefs == ["/fr/aanbod/", "/fr/kalender/", "/fr/selectie/"]
    # Wagtail's page.url follows the active language: the offer cards link to /fr/...
    card = page.find("article", class_="card").find("a")
    assert card["href"] == "/fr" + url
    assert page.find("form", role="search")["action"] == "/fr/aanbod/"


def test_language_choice_keeps_the_page_and_every_filter(client, site_tree):
    response = client.get("/aanbod/?thema=beweging&leeftijd=67&sort=nieuw")
    links = taal_links(response)
    assert list(links) == ["nl", "fr", "en", "ar", "tr"]
    assert links["fr"]["href"] == "/fr/aanbod/?thema=beweging&leeftijd=67&sort=nieuw"
    assert links["nl"]["href"] == "/aanbod/?thema=beweging&leeftijd=67&sort=nieuw"
    # Each name in its own language, marked as such for screen readers.
    assert links["ar"].get_text() == "العربية" and links["ar"]["lang"] == "ar"
    assert links["ar"]["dir"] == "rtl"
    assert links["tr"].get_text() == "Türkçe" and links["fr"].get_text() == "Français"
    assert links["nl"]["aria-current"] == "true" and not links["fr"].has_attr("aria-current")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup(response).find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates["ar"] == "http://testserver/ar/aanbod/?thema=beweging&leeftijd=67&sort=nieuw"
    assert (
        alternates["x-default"] == "http://testserver/aanbod/?thema=beweging&leeftijd=67&sort=nieuw"
    )
    assert soup(client.get("/tr/aanbod/")).title.get_text() == "Hizmetler – Preventiezoeker Gent"


def test_language_choice_on_the_french_offer_page_leads_back_to_dutch(client, partner_a):
    url = dutch_url(partner_a.offer)
    links = taal_links(client.get("/fr" + url))
    assert links["nl"]["href"] == url
    assert links["fr"]["aria-current"] == "true"
    assert links["tr"]["href"] == "/tr" + url


def test_language_choice_escapes_what_the_visitor_typed(client, site_tree):
    response = client.get('/fr/aanbod/?q="><script>alert(1)</script>')
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert taal_links(response)["nl"]["href"].startswith("/aanbod/?q=")


def test_a_shared_french_link_opens_in_french_for_anyone(client, partner_a):
    """No cookie, no Accept-Language: the URL alone decides."""
    url = dutch_url(partner_a.offer)
    response = client.get(url.replace("/aanbod/", "/fr/aanbod/", 1))
    assert response.status_code == 200
    assert html_tag(response) == ("fr", "ltr")
    page = soup(response)
    assert page.find("h2", id="wat").get_text() == "Quoi"
    crumbs = [a["href"] for a in page.find("nav", class_="breadcrumb").find_all("a")]
    assert crumbs == ["/fr/aanbod/", "/fr" + dutch_url(partner_a.organisatie)]


# -- what must not switch the language ----------------------------------------------------------


@pytest.mark.parametrize("url", ["/xx/aanbod/", "/de/aanbod/", "/nl/aanbod/", "/zz/"])
def test_unknown_language_code_gives_a_dutch_404(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert html_tag(response) == ("nl", "ltr")
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_french_404_is_french(client, site_tree):
    response = client.get("/fr/bestaat-niet/")
    assert response.status_code == 404
    assert html_tag(response) == ("fr", "ltr")
    assert "Deze pagina bestaat niet" not in response.content.decode()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9"},
        {"HTTP_ACCEPT_LANGUAGE": "de"},
        {"HTTP_ACCEPT_LANGUAGE": "ar"},
        {"QUERY_STRING": "language=fr"},
        {"QUERY_STRING": "language=%00%ff"},
    ],
)
def test_unprefixed_urls_stay_dutch_whatever_the_browser_sends(client, site_tree, kwargs):
    client.cookies["django_language"] = "fr"
    response = client.get("/aanbod/", **kwargs)
    assert response.status_code == 200  # no redirect either
    assert html_tag(response) == ("nl", "ltr")


def test_admin_stays_dutch_with_a_french_browser(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert re.search(r'<html[^>]* lang="nl"', response.content.decode())
    assert client.get("/fr/admin/").status_code == 404


def test_api_and_partner_links_stay_unprefixed(client, site_tree):
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/fr/api/v1/openapi.json").status_code == 404
    # The "Klopt nog" page (for partners, Dutch only) offers no language choice.
    response = client.get("/nakijken/onbekend-token/")
    assert html_tag(response)[0] == "nl" and taal_links(response) == {}


# -- caches keyed by language -------------------------------------------------------------------


def test_facet_labels_do_not_leak_between_languages(client, site_tree, index_dir):
    """keuzes() is cached per worker: French then Dutch must give each its own labels."""
    fr = client.get("/fr/aanbod/").content.decode()
    nl = client.get("/aanbod/").content.decode()
    fr_again = client.get("/fr/aanbod/").content.decode()
    assert "Gratuit" in fr and "Gratuit" in fr_again and "Gratuit" not in nl
    assert "Gratis" in nl
    with translation.override("ar"):
        assert str(keuzes()["prijs"]["gratis"]) == "مجاني"
    with translation.override("nl"):
        assert str(keuzes()["prijs"]["gratis"]) == "Gratis"


# -- the 500 page -------------------------------------------------------------------------------


def test_500_page_follows_the_language_without_a_database():
    with translation.override("ar"):
        html = render_to_string("500.html")
    assert 'lang="ar" dir="rtl"' in html and "Er ging iets mis" not in html
    with translation.override("nl"):
        assert "Er ging iets mis" in render_to_string("500.html")


# -- the translations themselves ----------------------------------------------------------------


@pytest.mark.parametrize("taal", TALEN)
def test_every_public_text_is_translated_and_none_is_fuzzy(taal):
    po = LOCALE / taal / "LC_MESSAGES" / "django.po"
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (Debian's gettext) is needed: ./pz test installs it"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True, text=True, env={"LC_ALL": "C"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")


# -- dates, numbers and phone numbers in the chosen language -----------------------------------


def test_dates_and_amounts_follow_the_language(client, partner_a):
    import datetime

    from tests.aanbod.factories import publish

    offer = partner_a.offer
    offer.laatst_nagekeken = datetime.date(2026, 1, 15)
    offer.prijs, offer.bedrag = ["betalend"], 7.5
    publish(offer)
    url = dutch_url(offer)
    nagekeken = {
        taal: soup(client.get(prefix + url)).find(id="laatst-nagekeken").get_text()
        for taal, prefix in [("nl", ""), ("fr", "/fr"), ("en", "/en"), ("tr", "/tr")]
    }
    assert nagekeken == {
        "nl": "Laatst nagekeken op 15 januari 2026.",
        "fr": "Dernière vérification le 15 janvier 2026.",
        "en": "Last checked on 15 January 2026.",
        "tr": "Son kontrol: 15 Ocak 2026.",
    }
    prijs = soup(client.get("/fr" + url)).find("section", attrs={"aria-labelledby": "prijs"})
    assert "Payant: € 7,50" in prijs.get_text() and "Prix" not in prijs.get_text()
    prijs = soup(client.get("/en" + url)).find("section", attrs={"aria-labelledby": "prijs"})
    assert "Paid: € 7.50" in prijs.get_text()


def test_phone_numbers_stay_left_to_right_on_the_arabic_site(client, partner_a):
    org = partner_a.organisatie
    org.telefoon = "09 123 45 67"
    org.save_revision().publish()
    page = soup(client.get("/ar" + dutch_url(org)))
    assert page.html["dir"] == "rtl"
    telefoon = page.find("a", href="tel:091234567")
    # An isolated left-to-right run: the browser shows 09 123 45 67, not 67 45 123 09.
    assert telefoon["dir"] == "ltr" and telefoon.get_text() == "09 123 45 67"
    assert page.find("dt", string="الهاتف") is not None


def test_crisis_line_numbers_are_isolated_in_every_language(client, site_tree, index_dir):
    html = client.get("/ar/aanbod/?q=zelfmoord").content.decode()
    assert "اتصل على <bdi>1813</bdi>" in html


def test_arabic_offer_page_has_an_arabic_selection_button_and_a_readable_breadcrumb(
    client, partner_a
):
    page = soup(client.get("/ar" + dutch_url(partner_a.offer)))
    knop = page.find("form", attrs={"data-selectie-knop": True}).find("button")
    assert knop.get_text(strip=True) == "أضف إلى اختياراتي"
    # Direction sits on an isolate inside each item, never on the item: a dir on the item
    # would put its separator on the wrong side of a Dutch title.
    items = page.find("nav", class_="breadcrumb").find_all("li")
    assert all(not li.has_attr("dir") for li in items)
    assert items[-1].find("bdi").get_text() == partner_a.offer.title


def crisis_box(response):
    return soup(response).find("section", class_="crisis")


@pytest.mark.parametrize(
    "url, woord, naam, zin",
    [
        ("/fr/aanbod/", "suicide", "Ligne de prévention du suicide", "jour et nuit"),
        ("/en/aanbod/", "self-harm", "Suicide prevention line", "day and night"),
        ("/ar/aanbod/", "انتحار", "خط الوقاية من الانتحار", "ليلًا ونهارًا"),
        ("/tr/aanbod/", "şiddet", "Acil durum numarası", "112'yi arayın"),
    ],
)
def test_help_lines_speak_the_page_language_and_know_its_crisis_words(
    client, site_tree, index_dir, url, woord, naam, zin
):
    box = crisis_box(client.get(url, {"q": woord}))
    assert box is not None, f"no help lines for {woord!r}"
    assert naam in box.get_text() and zin in box.get_text()


def test_an_untranslated_help_line_is_marked_dutch_on_the_arabic_site(client, site_tree, index_dir):
    from aanbod.models import Hulplijn

    Hulplijn.objects.filter(naam="Noodnummer").update(tekst_ar="", naam_ar="")
    box = crisis_box(client.get("/ar/aanbod/", {"q": "zelfmoord"}))
    dutch = box.find("span", string="Is er nu gevaar? Bel 112.")
    assert dutch["lang"] == "nl" and dutch["dir"] == "ltr"
    assert box.find("strong", string="Noodnummer")["lang"] == "nl"
    assert box.find("strong", string="خط الوقاية من الانتحار")["dir"] == "rtl"
    # The Dutch site is unchanged.
    assert "Zelfmoordlijn" in crisis_box(client.get("/aanbod/", {"q": "zelfmoord"})).get_text()


def test_a_coordinator_edits_a_help_line_translation_in_the_admin(client, coordinator):
    from aanbod.models import Hulplijn

    lijn = Hulplijn.objects.get(naam="1712")
    client.force_login(coordinator)
    response = client.get(f"/admin/snippets/aanbod/hulplijn/edit/{lijn.pk}/")
    assert response.status_code == 200
    assert 'name="tekst_ar"' in response.content.decode()
