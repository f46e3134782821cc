"""The public calendar (/kalender/), campaign and activity pages and Atom, as a resident or a
partner's website sees them (the JSON API: tests/api/)."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from kalender.models import Moment
from tests.aanbod.factories import publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

D = datetime.date
ATOM = "{http://www.w3.org/2005/Atom}"


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_publishing_stores_the_occurrences(dinsdag):
    stored = list(Moment.objects.filter(activiteit=dinsdag))
    assert len(stored) == 8
    assert {timezone.localtime(v.start).strftime("%H:%M") for v in stored} == {"19:00"}


def test_dst_in_the_html_list(client, dinsdag):
    html = text(client.get("/kalender/?van=2026-03-17&tot=2026-04-08"))
    days = re.findall(r'<h3 class="agenda-datum"><time datetime="([\d-]+)">', html)
    assert days == ["2026-03-17", "2026-03-24", "2026-03-31", "2026-04-07"]
    assert plain(html).count("19.00 tot 21.00 uur") == 4
    assert 'datetime="2026-03-24T19:00:00+01:00"' in html
    assert 'datetime="2026-03-31T19:00:00+02:00"' in html


def test_facet_counts_and_filters_on_the_page(client, dinsdag, ledeberg):
    html = text(client.get("/kalender/?van=2026-03-01&tot=2026-04-30&thema=mondzorg"))
    assert "Tandenpoetsles Ledeberg" in html and "Wandelgroep op dinsdag" not in html
    assert re.search(
        r'value="beweging"[^>]*> <span class="facet-label">Beweging</span> '
        r'<span class="facet-aantal">\(7\)',
        html,
    )
    assert re.search(r'value="mondzorg" [^>]*checked', html)
    assert "2 momenten" in plain(html)


def test_stadsbreed_activity_shows_for_every_wijk(client, partner_a):
    maak_activiteit(
        partner_a.organisatie, "Stadsbrede infodag", stadsbreed=True,
        data=[(D(2026, 5, 5), None, None)],
    )  # fmt: skip
    html = text(client.get("/kalender/?van=2026-05-01&tot=2026-05-31&wijk=dampoort"))
    assert "Stadsbrede infodag" in html
    assert "de hele dag" in plain(html).lower()


def test_month_grid_is_an_accessible_table(client, dinsdag):
    html = text(client.get("/kalender/?weergave=maand&maand=2026-03"))
    assert '<table class="maand">' in html and "<caption>Maart 2026" in html
    assert html.count('<th scope="col">') == 7
    # 2026-03: Monday 23 Feb to Sunday 5 April = 6 weeks.
    assert html.count("<tr>") == 7
    cell = re.search(r"<td[^>]*>(?:(?!</td>).)*?2026-03-24(?:(?!</td>).)*</td>", html, re.S)
    # The time stays left-to-right inside Arabic text; the partner's title is marked Dutch.
    assert cell and '<bdi dir="ltr">19.00</bdi> <bdi lang="nl">Wandelgroep op dinsdag</bdi>' in (
        cell.group(0)
    )
    assert 'href="?weergave=maand&amp;maand=2026-04"' in html


def test_past_occurrences_are_hidden_by_default(client, partner_a):
    today = timezone.localdate()
    maak_activiteit(
        partner_a.organisatie, "Vorige week",
        data=[(today - datetime.timedelta(days=7), T(10), T(11))],
    )  # fmt: skip
    maak_activiteit(
        partner_a.organisatie, "Volgende week",
        data=[(today + datetime.timedelta(days=7), T(10), T(11))],
    )  # fmt: skip
    html = text(client.get("/kalender/"))
    assert "Volgende week" in html and "Vorige week" not in html
    assert (
        "Volgende week" in text(client.get("/kalender/?periode=volgende-maand"))
        or (today + datetime.timedelta(days=7)).month == today.month
    )


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("van=2027-01-01&tot=2026-01-01", "omgewisseld"),
        ("van=morgen", "geen geldige datum"),
        ("tot=2026-02-30", "geen geldige datum"),
        ("van=2026-01-01&tot=2029-01-01", "meer dan een jaar"),
        ("van=9999-12-31", "te ver weg"),
        ("van=0001-01-01&tot=0001-01-02", "te ver weg"),
        ("weergave=maand&maand=2026-99", "geen geldige maand"),
        ("weergave=maand&maand=99999-01", "geen geldige maand"),
        ("weergave=maand&maand=1200-01", "te ver weg"),
        ("weergave=poster", "Onbekende weergave"),
        ("periode=ooit", "Onbekende periode"),
        ("thema=bestaat-niet", "Onbekende keuze"),
        ("aanbod=1%20OR%201", "Onbekend aanbod"),
        ("q=" + "a" * 500, "te lang"),
    ],
)
def test_bad_input_gives_a_dutch_notice_never_a_500(client, site_tree, query, notice):
    html = text(client.get(f"/kalender/?{query}"))
    assert notice in html
    data = client.get(f"/api/v1/kalender/?{query}").json()
    assert any(notice in n for n in data["notices"])


@pytest.mark.parametrize("periode", ["vandaag", "deze-week", "dit-weekend", "deze-maand",
                                     "volgende-maand"])  # fmt: skip
def test_shortcuts(client, site_tree, periode):
    data = client.get(f"/api/v1/kalender/?periode={periode}").json()
    van, tot = D.fromisoformat(data["from"]), D.fromisoformat(data["to"])
    today = timezone.localdate()
    assert van <= tot and (tot - van).days <= 31
    assert van >= today or periode == "volgende-maand"
    html = text(client.get(f"/kalender/?periode={periode}"))
    assert re.search(rf'href="\?periode={periode}"[^>]*aria-current="true"', html)


def test_campaign_page_lists_its_activities_partners_and_feed(client, partner_a, partner_b):
    campagne = maak_campagne(
        "10-daagse van de geestelijke gezondheid", "10-daagse", D(2026, 10, 1), D(2026, 10, 10)
    )
    maak_activiteit(
        partner_a.organisatie, "Lezing over piekeren", campagne=campagne,
        data=[(D(2026, 10, 3), T(19, 30), T(21))],
    )  # fmt: skip
    maak_activiteit(
        partner_b.organisatie, "Niet in de campagne", data=[(D(2026, 10, 3), T(9), None)]
    )
    html = text(client.get(campagne.url + "?van=2026-10-01&tot=2026-10-10"))
    assert "Lezing over piekeren" in html and "Niet in de campagne" not in html
    assert "WGC Alfa" in html and "WGC Beta" not in html
    assert 'href="/kalender/ical/?campagne=10-daagse"' in html
    assert "Van 1 oktober 2026 tot en met 10 oktober 2026" in html


def test_activity_page_has_event_json_ld(client, partner_a):
    act = maak_activiteit(
        partner_a.organisatie, "Mondcheck </script><b>", prijs=["gratis"],
        locatie_naam="Buurthuis", straat_nummer="Kerkstraat 1", postcode="9000",
        online_link="https://example.org/live", aanbod=partner_a.offer,
        data=[(timezone.localdate() + datetime.timedelta(days=3), T(14), T(15))],
    )  # fmt: skip
    html = text(client.get(act.url))
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event" and data["name"] == "Mondcheck </script><b>"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["location"][0]["address"]["streetAddress"] == "Kerkstraat 1"
    assert data["startDate"].endswith(":00+01:00") or data["startDate"].endswith(":00+02:00")
    assert data["organizer"]["name"] == "WGC Alfa"
    assert f'href="/kalender/ical/?activiteit={act.pk}"' in html
    # Facets default from the offer: its theme shows on the activity page.
    assert "Beweging" in html


def test_offer_page_shows_next_dates_and_feed_link(client, partner_a):
    offer = partner_a.offer
    maak_activiteit(
        partner_a.organisatie, "Extra sessie", aanbod=offer,
        data=[(timezone.localdate() + datetime.timedelta(days=2), T(14), T(16))],
    )  # fmt: skip
    html = text(client.get(offer.url))
    assert "Volgende data" in html and "14.00 tot 16.00 uur" in html
    assert f'href="/kalender/ical/?aanbod={offer.pk}"' in html


def test_atom_feed_lists_the_same_view(client, dinsdag, ledeberg):
    response = client.get("/kalender/atom/?van=2026-03-01&tot=2026-04-30&wijk=ledeberg")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == [
        "Tandenpoetsles Ledeberg (woensdag 18 maart 2026, 10.00 uur)",
        "Tandenpoetsles Ledeberg (woensdag 25 maart 2026, 10.00 uur)",
    ]


def test_calendar_links_its_feeds_with_the_active_filters(client, site_tree):
    html = text(client.get("/kalender/?thema=beweging&wijk=ledeberg"))
    assert 'href="/kalender/ical/?thema=beweging&amp;wijk=ledeberg"' in html
    assert 'href="/kalender/atom/?thema=beweging&amp;wijk=ledeberg"' in html


def test_rebuild_command_restores_the_stored_occurrences(dinsdag, partner_a):
    from django.core.management import call_command

    draft = maak_activiteit(partner_a.organisatie, "Concept", data=[(D(2026, 6, 1), T(9), None)])
    draft.unpublish()
    Moment.objects.all().delete()
    Moment.objects.create(activiteit=draft, start=timezone.now(), einde=timezone.now())
    call_command("momenten", verbosity=0)
    assert Moment.objects.filter(activiteit=dinsdag).count() == 8
    assert not Moment.objects.filter(activiteit=draft).exists()


def test_bulk_facets_equal_the_models_own_rule(partner_a, vocab):
    """The calendar computes facets for many activities at once; it must agree with the model."""
    from aanbod.models import AanbodPage
    from kalender.query import activiteiten

    offer = AanbodPage.objects.get(pk=partner_a.offer.pk)
    offer.wijken.set([vocab["ledeberg"]])
    offer.stadsbreed = True
    offer.prijs = ["gratis"]
    offer.save()
    campagne = maak_campagne("Mondzorgmaand", "mondzorgmaand", D(2026, 3, 1), D(2026, 3, 31))
    data = [(D(2026, 3, 2), T(9), None)]
    cases = [
        maak_activiteit(partner_a.organisatie, "Alles van het aanbod", aanbod=offer, data=data),
        maak_activiteit(
            partner_a.organisatie, "Eigen thema en wijk", aanbod=offer, vormen=["online"],
            campagne=campagne, data=data,
            m2m={"themas": [vocab["mondzorg"]], "wijken": [vocab["rabot"]]},
        ),
        maak_activiteit(partner_a.organisatie, "Zonder aanbod", stadsbreed=True, data=data),
    ]  # fmt: skip
    bulk = activiteiten({a.pk for a in cases})
    for act in cases:
        assert bulk[act.pk].facetten == act.facet_waarden(), act.title
    assert bulk[cases[0].pk].facetten["wijk"] == {"ledeberg", "stadsbreed"}
    assert bulk[cases[1].pk].facetten["prijs"] == {"gratis"}
    assert bulk[cases[1].pk].facetten["campagne"] == {"mondzorgmaand"}


def test_words_match_like_the_offer_search(client, partner_a, index_dir):
    """Stems, synonyms and the organisation's name: /kalender/ finds what /aanbod/ finds."""
    from aanbod.models import AanbodPage
    from preventiezoeker.search.sync import rebuild

    data = [(D(2026, 5, 5), T(14), T(15))]
    maak_activiteit(partner_a.organisatie, "Samen bewegen in het park", data=data)
    maak_activiteit(partner_a.organisatie, "Mondzorg voor kinderen", data=data)
    maak_activiteit(partner_a.organisatie, "Kookles", in_het_kort="Goedkoop en lekker.", data=data)
    offer = AanbodPage.objects.get(pk=partner_a.offer.pk)
    offer.title, offer.in_het_kort = "Beweging voor iedereen", "Mondzorg en bewegen."
    publish(offer)
    rebuild()

    def kalender(q):
        html = text(client.get("/kalender/", {"van": "2026-05-01", "tot": "2026-05-31", "q": q}))
        return {t for t in ("Samen bewegen", "Mondzorg voor", "Kookles") if t in html}

    def aanbod(q):
        return client.get("/api/v1/aanbod/", {"q": q}).json()["count"]

    # A stem ("beweging" ~ bewegen) and synonyms ("tanden" → mondzorg, "wandelen" → beweging),
    # as in the search; before, the calendar only found words as written.
    assert kalender("beweging") == {"Samen bewegen"} and aanbod("beweging") == 1
    assert kalender("tanden") == {"Mondzorg voor"} and aanbod("tanden") == 1
    assert kalender("Wandelen") == {"Samen bewegen"} and aanbod("Wandelen") == 1
    assert kalender("zwemmen") == set() and aanbod("zwemmen") == 0
    # The organisation's name, accents folded; the last word also as a prefix while typing.
    assert kalender("wgc alfa kook") == {"Kookles"}
    assert kalender("kinderen mondzörg") == {"Mondzorg voor"}
