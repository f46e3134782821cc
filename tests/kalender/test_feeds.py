"""The calendar's news feeds (issue 15 item 4): RSS 2.0 beside Atom, the same items for the same
filters, the filters kept in every self link and in the link to the page, bad input ignored,
partner text escaped, and nothing hidden in either format."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.feeds import ATOM, FORMATEN, feed, titels
from tests.kalender.conftest import D, T, maak_activiteit, maak_campagne

PERIODE = "van=2026-03-01&tot=2026-04-30"


def self_link(root):
    if root.tag == f"{ATOM}feed":
        return next(e.get("href") for e in root.findall(f"{ATOM}link") if e.get("rel") == "self")
    return next(
        e.get("href") for e in root.find("channel").findall(f"{ATOM}link") if e.get("rel") == "self"
    )


def pagina_link(root):
    if root.tag == f"{ATOM}feed":
        return next(
            e.get("href") for e in root.findall(f"{ATOM}link") if e.get("rel") == "alternate"
        )
    return root.find("channel").find("link").text


@pytest.fixture
def agenda(dinsdag, ledeberg):
    return dinsdag, ledeberg


def test_rss_lists_exactly_what_atom_lists(client, agenda):
    for query in (PERIODE, f"{PERIODE}&wijk=ledeberg", f"{PERIODE}&thema=beweging"):
        _r, atom = feed(client, f"/kalender/atom/?{query}")
        response, rss = feed(client, f"/kalender/rss/?{query}")
        assert response["Content-Type"].startswith("application/rss+xml")
        assert rss.tag == "rss" and rss.get("version") == "2.0"
        assert titels(rss) == titels(atom) != []
    _r, rss = feed(client, f"/kalender/rss/?{PERIODE}&wijk=ledeberg")
    assert titels(rss) == [
        "Tandenpoetsles Ledeberg (woensdag 18 maart 2026, 10.00 uur)",
        "Tandenpoetsles Ledeberg (woensdag 25 maart 2026, 10.00 uur)",
    ]


@pytest.mark.parametrize("formaat", FORMATEN)
def test_self_link_and_page_link_keep_the_filters(client, agenda, formaat):
    _r, root = feed(client, f"/kalender/{formaat}/?thema=beweging&wijk=ledeberg&q=tand&page=3")
    query = "q=tand&thema=beweging&wijk=ledeberg"
    assert self_link(root) == f"http://testserver/kalender/{formaat}/?{query}"
    assert pagina_link(root) == f"http://testserver/kalender/?{query}"


@pytest.mark.parametrize("formaat", FORMATEN)
def test_feed_in_french_links_the_french_calendar(client, agenda, formaat):
    _r, root = feed(client, f"/fr/kalender/{formaat}/?wijk=ledeberg")
    assert self_link(root) == f"http://testserver/fr/kalender/{formaat}/?wijk=ledeberg"
    assert pagina_link(root) == "http://testserver/fr/kalender/?wijk=ledeberg"


SLECHT = [
    "thema=bestaat-niet",
    "wijk=%00%01",
    "van=gisteren&tot=morgen",
    "van=9999-01-01",
    "tot=0001-01-01",
    "periode=altijd",
    "aanbod=abc&activiteit=99999999999999999999",
    "page=-1&weergave=maand&maand=13-2026",
    "q=" + "x" * 5000,
    "thema=" + "&thema=".join(f"t{i}" for i in range(200)),
    "campagne=%3Cscript%3E",
]


@pytest.mark.parametrize("formaat", FORMATEN)
@pytest.mark.parametrize("query", SLECHT)
def test_bad_filters_are_ignored_not_an_error(client, agenda, formaat, query):
    _r, root = feed(client, f"/kalender/{formaat}/?{query}")
    link = self_link(root)
    # Unknown values do not travel on into the self link.
    for woord in ("bestaat-niet", "altijd", "script", "t199", "%00"):
        assert woord not in link


@pytest.mark.parametrize("formaat", FORMATEN)
def test_partner_text_is_escaped(client, partner_a, formaat):
    titel = "<script>alert(1)</script> Koken & eten \x0b samen"
    maak_activiteit(
        partner_a.organisatie, titel, in_het_kort="Gezond & goedkoop <b>koken</b>",
        data=[(D(2026, 3, 18), T(10), T(11))],
    )  # fmt: skip
    response, root = feed(client, f"/kalender/{formaat}/?{PERIODE}")
    body = response.content.decode()
    assert "<script>" not in body and "&lt;script&gt;" in body and "Koken &amp; eten" in body
    assert titels(root) == [
        "<script>alert(1)</script> Koken & eten  samen (woensdag 18 maart 2026, 10.00 uur)"
    ]


@pytest.fixture
def verborgen(partner_a, site_tree):
    """One visible activity and one of each kind the public must never see, all in March 2026."""
    org = partner_a.organisatie
    maart = [(D(2026, 3, 18), T(10), T(11))]
    zichtbaar = maak_activiteit(org, "Zichtbare wandeling", data=maart)
    concept = maak_activiteit(org, "Gepubliceerde titel", data=maart)
    concept.title = "Geheim concept"  # a draft change of a live page
    concept.save_revision()
    ingetrokken = maak_activiteit(org, "Ingetrokken workshop", data=maart)
    ingetrokken.unpublish()
    afgeschermd = maak_activiteit(org, "Afgeschermde sessie", data=maart)
    restriction = PageViewRestriction.objects.create(
        page=afgeschermd, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgverleners"))
    maak_activiteit(org, "Voorbije info-avond", data=[(D(2025, 1, 10), T(19), T(21))])
    campagne = maak_campagne(
        "Verborgen campagne", "verborgen-campagne", D(2026, 3, 1), D(2026, 3, 31)
    )
    maak_activiteit(org, "Activiteit met verborgen campagne", data=maart, campagne=campagne)
    campagne.unpublish()
    return zichtbaar, [
        "Geheim concept", "Ingetrokken workshop", "Afgeschermde sessie", "Voorbije info-avond",
        "Verborgen campagne",
    ]  # fmt: skip


@pytest.mark.parametrize("formaat", FORMATEN)
def test_hidden_activities_appear_in_no_feed(client, verborgen, formaat):
    zichtbaar, geheimen = verborgen
    urls = [
        f"/kalender/{formaat}/?{PERIODE}",
        f"/kalender/{formaat}/",  # from today: what has passed is gone
        f"/kalender/{formaat}/?{PERIODE}&campagne=verborgen-campagne",
        f"/kalender/{formaat}/?{PERIODE}&q=geheim",
    ]
    for url in urls:
        response, root = feed(client, url)
        body = response.content.decode()
        for geheim in geheimen:
            assert geheim not in body, (geheim, url)
    _r, root = feed(client, urls[0])
    assert [t.split(" (")[0] for t in titels(root)] == [
        "Zichtbare wandeling", "Gepubliceerde titel", "Activiteit met verborgen campagne",
    ]  # fmt: skip


def test_calendar_and_campaign_pages_announce_both_feeds_with_their_filters(client, agenda):
    soup = BeautifulSoup(
        client.get("/kalender/?thema=beweging&wijk=ledeberg").content, "html.parser"
    )
    feeds = {
        link["type"]: link["href"] for link in soup.head.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    }  # fmt: skip
    assert feeds == {
        "application/atom+xml": "/kalender/atom/?thema=beweging&wijk=ledeberg",
        "application/rss+xml": "/kalender/rss/?thema=beweging&wijk=ledeberg",
    }
    maak_campagne("Maand van de mondzorg", "maand-van-de-mondzorg", D(2026, 3, 1), D(2026, 3, 31))
    soup = BeautifulSoup(
        client.get("/kalender/maand-van-de-mondzorg/?wijk=ledeberg").content, "html.parser"
    )
    hrefs = sorted(
        link["href"] for link in soup.head.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    )  # fmt: skip
    assert hrefs == [
        "/kalender/atom/?wijk=ledeberg&campagne=maand-van-de-mondzorg",
        "/kalender/rss/?wijk=ledeberg&campagne=maand-van-de-mondzorg",
    ]


def test_a_campaign_cannot_take_the_feed_address(site_tree):
    from django.core.exceptions import ValidationError

    from kalender.models import CampagnePage

    campagne = CampagnePage(
        title="RSS", slug="rss", in_het_kort="x", start=D(2026, 3, 1), einde=D(2026, 3, 2)
    )
    with pytest.raises(ValidationError) as fout:
        campagne.clean()
    assert "slug" in fout.value.message_dict
