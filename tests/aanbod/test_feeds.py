"""New and changed offers as news feeds (issue 15 item 4): /aanbod/atom/ and /aanbod/rss/, last
change first, with the search page's filters kept in the self link and the link to the page,
bad values ignored, partner text escaped, and nothing hidden in either format."""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from aanbod.models import Taal, Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.feeds import ATOM, FORMATEN, feed, titels
from tests.search.breken import break_index


def offer(org, title, themas=("beweging",), wijken=(), **fields):
    page = AanbodPageFactory(
        parent=org, title=title, themas=[Thema.objects.get(slug=s) for s in themas],
        talen=[Taal.objects.get(slug="nl")], **fields,
    )  # fmt: skip
    page.wijken.set(Wijk.objects.filter(slug__in=wijken))
    page.save()
    return publish(page)


def links(root):
    """(self link, link to the HTML page)."""
    if root.tag == f"{ATOM}feed":
        rels = {e.get("rel"): e.get("href") for e in root.findall(f"{ATOM}link")}
        return rels["self"], rels["alternate"]
    channel = root.find("channel")
    eigen = next(e.get("href") for e in channel.findall(f"{ATOM}link") if e.get("rel") == "self")
    return eigen, channel.find("link").text


@pytest.fixture
def aanbod(site_tree, index_dir):
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beta = OrganisatiePageFactory(parent=site_tree.index, title="Ziekenfonds Beta", slug="zf-beta")
    pages = SimpleNamespace(
        alfa=alfa, beta=beta,
        wandelen=offer(alfa, "Wandelen in Rabot", wijken=["rabot-blaisantvest"]),
        poetsen=offer(beta, "Tanden poetsen", themas=["mondzorg"], wijken=["ledeberg"]),
        koken=offer(alfa, "Gezond koken", themas=["gezonde-voeding"]),
    )  # fmt: skip
    # A later change of the oldest offer puts it first.
    pages.wandelen.in_het_kort = "Elke week samen wandelen, nu ook op zaterdag."
    pages.wandelen = publish(pages.wandelen)
    rebuild()
    return pages


@pytest.mark.parametrize("formaat", FORMATEN)
def test_last_change_first(client, aanbod, formaat):
    response, root = feed(client, f"/aanbod/{formaat}/")
    assert titels(root) == ["Wandelen in Rabot", "Gezond koken", "Tanden poetsen"]
    soort = "application/atom+xml" if formaat == "atom" else "application/rss+xml"
    assert response["Content-Type"].startswith(soort)
    body = response.content.decode()
    assert "Elke week samen wandelen, nu ook op zaterdag. Door WGC Alfa." in body


@pytest.mark.parametrize(
    "query, verwacht",
    [
        ("thema=mondzorg", ["Tanden poetsen"]),
        ("thema=mondzorg&thema=gezonde-voeding", ["Gezond koken", "Tanden poetsen"]),
        ("wijk=rabot-blaisantvest", ["Wandelen in Rabot"]),
        ("q=koken", ["Gezond koken"]),
        ("organisatie=wgc-alfa", ["Wandelen in Rabot", "Gezond koken"]),
        ("q=koken&thema=mondzorg", []),
    ],
)
def test_filters_as_on_the_search_page_in_both_formats(client, aanbod, query, verwacht):
    for formaat in FORMATEN:
        _r, root = feed(client, f"/aanbod/{formaat}/?{query}")
        assert titels(root) == verwacht, formaat


@pytest.mark.parametrize("formaat", FORMATEN)
def test_self_link_and_page_link_keep_the_valid_filters(client, aanbod, formaat):
    _r, root = feed(
        client,
        f"/aanbod/{formaat}/?wijk=ledeberg&thema=mondzorg&thema=onbekend&q=tanden&page=2&sort=naam",
    )
    query = "q=tanden&thema=mondzorg&wijk=ledeberg"
    assert links(root) == (
        f"http://testserver/aanbod/{formaat}/?{query}",
        f"http://testserver/aanbod/?{query}",
    )
    _r, root = feed(client, f"/fr/aanbod/{formaat}/?thema=mondzorg")
    assert links(root) == (
        f"http://testserver/fr/aanbod/{formaat}/?thema=mondzorg",
        "http://testserver/fr/aanbod/?thema=mondzorg",
    )


SLECHT = [
    "thema=bestaat-niet",
    "wijk=%00%01%0b",
    "q=%00%0b" + "x" * 5000,
    "leeftijd=oud&leeftijd=-5",
    "page=abc&sort=%3Cscript%3E",
    "lat=999&lon=abc&vanaf=nergens&postcode=0000",
    "thema=" + "&thema=".join(f"t{i}" for i in range(200)),
    "organisatie=%3Cscript%3E",
    "stadsbreed=misschien",
]


@pytest.mark.parametrize("formaat", FORMATEN)
@pytest.mark.parametrize("query", SLECHT)
def test_bad_filters_are_ignored_not_an_error(client, aanbod, formaat, query):
    _r, root = feed(client, f"/aanbod/{formaat}/?{query}")
    eigen, _pagina = links(root)
    for woord in ("bestaat-niet", "script", "t199", "%00", "oud", "misschien", "999"):
        assert woord not in eigen


@pytest.mark.parametrize("formaat", FORMATEN)
def test_partner_text_is_escaped(client, aanbod, formaat):
    page = aanbod.koken
    page.title = "<script>alert(1)</script> Koken & eten"
    page.in_het_kort = 'Goedkoop & gezond, <b>"samen"</b>'
    publish(page)
    response, root = feed(client, f"/aanbod/{formaat}/")
    body = response.content.decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert titels(root)[0] == "<script>alert(1)</script> Koken & eten"


@pytest.fixture
def verborgen(aanbod, site_tree):
    """Offers the public must never see, each with the word and theme of a search for it."""
    org = aanbod.alfa
    extra = {"in_het_kort": "Geheim kwispelstaart aanbod."}
    concept = AanbodPageFactory(parent=org, title="Geheim concept", live=False, **extra)
    ingetrokken = offer(org, "Ingetrokken aanbod", themas=["mondzorg"], **extra)
    ingetrokken.unpublish()
    offer(org, "Verlopen aanbod", themas=["mondzorg"], einddatum=datetime.date(2021, 12, 31))
    afgeschermd = offer(org, "Afgeschermd aanbod", themas=["mondzorg"], **extra)
    restriction = PageViewRestriction.objects.create(
        page=afgeschermd, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgverleners"))
    dicht = OrganisatiePageFactory(parent=site_tree.index, title="WGC Dicht", slug="wgc-dicht")
    offer(dicht, "Aanbod achter wachtwoord", themas=["mondzorg"], **extra)
    PageViewRestriction.objects.create(
        page=dicht, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    # A draft change of a live offer stays a draft.
    aanbod.poetsen.title = "Nieuwe titel nog niet goedgekeurd"
    aanbod.poetsen.save_revision()
    rebuild()
    assert concept.pk  # created, never published
    return [
        "Geheim concept", "Ingetrokken aanbod", "Verlopen aanbod", "Afgeschermd aanbod",
        "Aanbod achter wachtwoord", "nog niet goedgekeurd", "kwispelstaart", "WGC Dicht",
    ]  # fmt: skip


@pytest.mark.parametrize("formaat", FORMATEN)
@pytest.mark.parametrize("query", ["", "thema=mondzorg", "q=kwispelstaart", "q=aanbod"])
def test_hidden_offers_appear_in_no_feed(client, verborgen, formaat, query):
    response, root = feed(client, f"/aanbod/{formaat}/?{query}")
    body = response.content.decode()
    for geheim in verborgen:
        if geheim not in query:  # the asked word is in the self link, of course
            assert geheim not in body, (geheim, query)
    zichtbaar = {
        "": ["Wandelen in Rabot", "Gezond koken", "Tanden poetsen"],
        "thema=mondzorg": ["Tanden poetsen"],
        "q=kwispelstaart": [],
        "q=aanbod": [],
    }
    assert titels(root) == zichtbaar[query]


@pytest.mark.parametrize("formaat", FORMATEN)
def test_broken_index_still_answers_from_the_database(client, aanbod, settings, tmp_path, formaat):
    break_index(settings, tmp_path / "weg", "weg")
    _r, root = feed(client, f"/aanbod/{formaat}/?thema=mondzorg")
    assert titels(root) == ["Tanden poetsen"]


def test_search_page_announces_both_feeds_with_its_filters(client, aanbod):
    html = client.get("/aanbod/?thema=mondzorg&thema=onbekend&wijk=ledeberg&page=1").content
    head = BeautifulSoup(html, "html.parser").head
    feeds = {
        link["type"]: link["href"] for link in head.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    }  # fmt: skip
    assert feeds == {
        "application/atom+xml": "/aanbod/atom/?thema=mondzorg&wijk=ledeberg",
        "application/rss+xml": "/aanbod/rss/?thema=mondzorg&wijk=ledeberg",
    }
    head = BeautifulSoup(client.get("/aanbod/").content, "html.parser").head
    hrefs = sorted(link["href"] for link in head.find_all("link", rel="alternate", type=True))
    assert hrefs == ["/aanbod/atom/", "/aanbod/rss/"]


@pytest.mark.parametrize("slug", ["atom", "rss"])
def test_an_organisation_cannot_take_a_feed_address(site_tree, slug):
    from django.core.exceptions import ValidationError

    from aanbod.models import OrganisatiePage

    organisatie = OrganisatiePage(title="Atoom", slug=slug, soort="andere")
    with pytest.raises(ValidationError) as fout:
        organisatie.clean()
    assert fout.value.message_dict["slug"] == ["Dit adres is voorbehouden; kies een ander."]


@pytest.mark.parametrize("formaat", FORMATEN)
def test_without_city_wide_offers_as_on_the_search_page(client, aanbod, formaat):
    aanbod.koken.stadsbreed = True
    publish(aanbod.koken)
    rebuild()
    _r, root = feed(client, f"/aanbod/{formaat}/?wijk=rabot-blaisantvest")
    assert titels(root) == ["Gezond koken", "Wandelen in Rabot"]
    _r, root = feed(client, f"/aanbod/{formaat}/?wijk=rabot-blaisantvest&stadsbreed=nee")
    assert titels(root) == ["Wandelen in Rabot"]
    assert links(root)[0] == (
        f"http://testserver/aanbod/{formaat}/?wijk=rabot-blaisantvest&stadsbreed=nee"
    )
