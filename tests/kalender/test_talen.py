"""The calendar in French and Arabic (issue 13 item 3): headings, day and month names, times and
dates in the page's language; times stay readable inside right-to-left text; feeds keep working
in every language; bad input gives a notice in the visitor's language."""

import html as htmllib
import re
import xml.etree.ElementTree as ET

import pytest

from tests.kalender.conftest import dinsdag  # noqa: F401 (fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
PERIODE = "?van=2026-03-17&tot=2026-04-08"
MAART = "?weergave=maand&maand=2026-03"


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def plain(html):
    return htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_french_list_has_french_headings_days_and_times(client, dinsdag):  # noqa: F811
    html = text(client.get(f"/fr/kalender/{PERIODE}"))
    assert '<html lang="fr" dir="ltr">' in html
    tekst = plain(html)
    for woord in ("Aujourd'hui", "Cette semaine", "Filtres", "Afficher les activités"):
        assert woord in tekst, woord
    # Count and period in French, with Django's French month names.
    assert "4 moments, du 17 mars 2026 au 8 avril 2026" in tekst
    # The day headings: French weekday and month, and the French time range.
    assert "Mardi 24 mars 2026" in tekst
    assert tekst.count("De 19:00 à 21:00") == 4
    assert "Dinsdag" not in tekst and "19.00 tot 21.00 uur" not in tekst


def test_dutch_stays_dutch(client, dinsdag):  # noqa: F811
    tekst = plain(text(client.get(f"/kalender/{PERIODE}")))
    assert "4 momenten, 17 maart 2026 tot en met 8 april 2026" in tekst
    assert "Dinsdag 24 maart 2026" in tekst and "19.00 tot 21.00 uur" in tekst


def test_arabic_list_is_right_to_left_with_arabic_days_and_months(client, dinsdag):  # noqa: F811
    html = text(client.get(f"/ar/kalender/{PERIODE}"))
    assert '<html lang="ar" dir="rtl">' in html
    tekst = plain(html)
    assert "اليوم" in tekst and "ابحث عن نشاط" in tekst
    assert "الثلاثاء 24 مارس 2026" in tekst  # Tuesday 24 March, Django's Arabic names
    assert "من 19:00 إلى 21:00" in tekst
    assert "maart" not in tekst and "Dinsdag 24" not in tekst  # (the title is the partner's)


def test_month_grid_in_arabic_starts_on_monday_with_arabic_weekdays(client, dinsdag):  # noqa: F811
    html = text(client.get(f"/ar/kalender/{MAART}"))
    koppen = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert koppen == ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    assert "<caption>مارس 2026:" in html
    # The time inside the Arabic grid stays left-to-right, so 19:00 does not read as 00:19.
    assert '<bdi dir="ltr">19:00</bdi> <bdi lang="nl">Wandelgroep op dinsdag</bdi>' in html
    assert "الشهر السابق" in html and "الشهر القادم" in html


def test_month_grid_in_french(client, dinsdag):  # noqa: F811
    html = text(client.get(f"/fr/kalender/{MAART}"))
    koppen = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert koppen == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    assert "<caption>Mars 2026 : 3 moments</caption>" in html  # 17, 24 and 31 March
    assert "Mois précédent" in html


def test_activity_page_in_french(client, dinsdag):  # noqa: F811
    tekst = plain(text(client.get(f"/fr{dinsdag.url}")))
    for woord in ("Quand", "Quoi", "Ajouter à votre agenda (iCal)", "Par"):
        assert woord in tekst, woord
    assert "Wanneer" not in tekst and "Zet in je agenda" not in tekst


def test_bad_input_gives_a_notice_in_the_page_language(client, dinsdag):  # noqa: F811
    tekst = plain(text(client.get("/fr/kalender/?van=abc&weergave=xx&periode=nooit")))
    assert "« abc » n'est pas une date valide pour « van »" in tekst
    assert "Affichage inconnu ; nous montrons la liste." in tekst
    assert "Période inconnue" in tekst
    tekst = plain(text(client.get("/ar/kalender/?maand=2026-13&weergave=maand")))
    assert "ليس شهرًا صحيحًا" in tekst


def test_a_title_with_markup_stays_escaped_in_arabic(client, partner_a):
    from tests.kalender.conftest import D, T, maak_activiteit

    maak_activiteit(
        partner_a.organisatie, "<script>alert(1)</script> Wandelen",
        data=[(D(2026, 3, 18), T(10), T(11))],
    )  # fmt: skip
    html = text(client.get(f"/ar/kalender/{PERIODE}"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wandelen" in html


@pytest.mark.parametrize(
    "taal, titel",
    [("", "Preventiezoeker Gent: kalender"), ("/fr", "Preventiezoeker Gent : agenda"),
     ("/ar", "Preventiezoeker Gent: التقويم")],
)  # fmt: skip
def test_atom_feed_in_each_language(client, dinsdag, taal, titel):  # noqa: F811
    response = client.get(f"{taal}/kalender/atom/{PERIODE}")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == titel
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    # The feed links to the calendar page in the same language.
    assert feed.find(f"{ATOM}link").get("href").startswith(f"http://testserver{taal}/kalender/")


def test_ical_in_french_describes_in_french(client, dinsdag):  # noqa: F811
    url = f"/kalender/ical/?activiteit={dinsdag.pk}&van=2026-03-01"
    body = client.get("/fr" + url).content.decode()
    body = body.replace("\r\n ", "")  # iCalendar folds long lines
    assert "BEGIN:VCALENDAR" in body and "RRULE:FREQ=WEEKLY" in body
    assert "Par WGC Alfa." in body and "Plus d'infos : http://testserver/fr/" in body
    dutch = client.get(url).content.decode()
    assert "Door WGC Alfa." in dutch.replace("\r\n ", "")


def test_the_calendar_heading_and_intro_follow_the_language(client, dinsdag):  # noqa: F811
    # The admin's title and intro are Dutch; another language gets fixed, translated ones.
    arabisch = text(client.get(f"/ar/kalender/{PERIODE}"))
    assert "<h1>التقويم</h1>" in arabisch and "<title>التقويم –" in arabisch
    assert "من جميع الشركاء معًا" in arabisch
    nederlands = text(client.get(f"/kalender/{PERIODE}"))
    assert "<h1>Kalender</h1>" in nederlands
