"""The embed's offers are the site's search: the same counts for the same parameters, paged,
in the site's language, with partner text escaped; the plain style drops colours and brand."""

import datetime
import re

from django.http import QueryDict
from django.utils import timezone

import pytest

from aanbod.zoeken import zoek
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.kalender.conftest import T, maak_activiteit

pytestmark = pytest.mark.django_db


def aantal(html):
    found = re.search(r"(\d+) aanbod gevonden", html)
    return int(found.group(1)) if found else 0


def kaarten(html):
    return re.findall(
        r'<h2><a href="([^"]+)" target="_blank" rel="noopener">([^<]+)</a></h2>', html
    )


@pytest.mark.parametrize(
    ("embed", "site"),
    [
        ("/insluiten/aanbod/", "thema="),
        ("/insluiten/aanbod/?thema=beweging", "thema=beweging"),
        ("/insluiten/aanbod/?thema=mondzorg", "thema=mondzorg"),
        ("/insluiten/aanbod/?wijk=rabot-blaisantvest", "wijk=rabot-blaisantvest"),
        (
            "/insluiten/aanbod/?thema=beweging&wijk=rabot-blaisantvest",
            "thema=beweging&wijk=rabot-blaisantvest",
        ),
        ("/insluiten/organisatie/wgc-alfa/", "organisatie=wgc-alfa"),
        ("/insluiten/organisatie/wgc-beta/", "organisatie=wgc-beta"),
    ],
)
def test_the_embed_counts_what_the_site_search_counts(client, embed_data, embed, site):
    html = client.get(embed).content.decode()
    verwacht = zoek(QueryDict(site), log=False).total
    assert verwacht > 0
    assert aantal(html) == verwacht
    assert aantal(client.get("/aanbod/?" + site).content.decode()) == verwacht
    assert len(kaarten(html)) == verwacht


def test_an_organisations_embed_shows_its_offers_linked_to_their_full_pages(client, embed_data):
    html = client.get("/insluiten/organisatie/wgc-alfa/").content.decode()
    assert kaarten(html) == [
        ("http://testserver/aanbod/wgc-alfa/beweegcoach-wgc-alfa/", "Beweegcoach WGC Alfa"),
        ("http://testserver/aanbod/wgc-alfa/wandelen-met-alfa/", "Wandelen met Alfa"),
    ]
    assert "<h1>WGC Alfa</h1>" in html
    assert 'href="http://testserver/aanbod/wgc-alfa/" target="_blank"' in html  # see all


def test_pages_of_twenty_with_links_that_keep_the_filters(client, partner_a, index_dir):
    for n in range(21):
        publish(AanbodPageFactory(parent=partner_a.organisatie, title=f"Groep {n:02d}"))
    rebuild()
    eerste = client.get("/insluiten/organisatie/wgc-alfa/?thema=beweging&stijl=eenvoudig")
    html = eerste.content.decode()
    assert aantal(html) == 22
    assert len(kaarten(html)) == 20
    assert "Pagina 1 van 2" in html
    volgende = (
        "http://testserver/insluiten/organisatie/wgc-alfa/?thema=beweging&amp;stijl=eenvoudig"
        "&amp;page=2"
    )
    assert f'<a href="{volgende}" rel="next">' in html
    html = client.get("/insluiten/organisatie/wgc-alfa/?thema=beweging&stijl=eenvoudig&page=2")
    html = html.content.decode()
    assert len(kaarten(html)) == 2
    assert "Pagina 2 van 2" in html
    vorige = "http://testserver/insluiten/organisatie/wgc-alfa/?thema=beweging&amp;stijl=eenvoudig"
    assert f'<a href="{vorige}" rel="prev">' in html
    assert 'class="insluiting stijl-eenvoudig"' in html


def test_the_plain_style_has_no_brand_line(client, embed_data):
    gewoon = client.get("/insluiten/aanbod/").content.decode()
    eenvoudig = client.get("/insluiten/aanbod/?stijl=eenvoudig").content.decode()
    assert '<body class="insluiting">' in gewoon
    assert '<p class="merk"' in gewoon
    assert '<body class="insluiting stijl-eenvoudig">' in eenvoudig
    assert '<p class="merk"' not in eenvoudig
    assert "Onbekende stijl" not in eenvoudig


def test_partner_text_is_escaped_everywhere(client, partner_a, embed_data):
    kwaad = '<img src=x onerror="alert(1)"> & "Co"'
    org = partner_a.organisatie
    org.title = f"WGC {kwaad}"
    org.save_revision().publish()
    offer = partner_a.offer
    offer.title = f"Aanbod {kwaad}"
    offer.in_het_kort = f"Kort {kwaad}"
    offer.save_revision().publish()
    maak_activiteit(
        org, f"Activiteit {kwaad}", campagne=embed_data["campagne"],
        data=[(timezone.localdate() + datetime.timedelta(days=3), T(16), T(17))],
    )  # fmt: skip
    campagne = embed_data["campagne"]
    campagne.title = f"Campagne {kwaad}"
    campagne.save_revision().publish()
    rebuild()
    veilig = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;Co&quot;"
    for url, stukken in [
        ("/insluiten/organisatie/wgc-alfa/", ["WGC", "Aanbod", "Kort"]),
        ("/insluiten/aanbod/?q=kort", ["Aanbod", "Kort"]),
        ("/insluiten/campagne/week-van-de-valpreventie/", ["Campagne", "Activiteit"]),
    ]:
        html = client.get(url).content.decode()
        assert "<img" not in html, url
        assert html.count(veilig) >= len(stukken), url
        for stuk in stukken:
            assert re.search(rf"{stuk}(</mark>)? {re.escape(veilig)}", html, re.I), (url, stuk)


def test_the_embed_in_french(client, embed_data):
    html = client.get("/fr/insluiten/organisatie/wgc-alfa/").content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Tout voir sur Preventiezoeker Gent" in html
    assert "ouvrent dans un nouvel onglet." in html
    assert 'href="http://testserver/fr/aanbod/wgc-alfa/wandelen-met-alfa/"' in html
    # The organisation's name is Dutch: marked so a screen reader reads it as Dutch.
    assert '<h1><bdi lang="nl">WGC Alfa</bdi></h1>' in html
    html = client.get("/ar/insluiten/organisatie/bestaat-niet/").content.decode()
    assert "غير موجود" in html
