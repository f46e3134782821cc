"""Embed pages (and only they) may be framed by any site; they set no cookie, load nothing from
another site and open every link out in a new tab, on the full page of our site."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

EMBEDS = [
    "/insluiten/organisatie/wgc-alfa/",
    "/insluiten/aanbod/?thema=beweging",
    "/insluiten/aanbod/?stijl=eenvoudig",
    "/insluiten/campagne/week-van-de-valpreventie/",
    "/insluiten/organisatie/bestaat-niet/",  # the embed's 404
    "/fr/insluiten/organisatie/wgc-alfa/",
    "/ar/insluiten/campagne/week-van-de-valpreventie/",
    "/tr/insluiten/campagne/bestaat-niet/",
]
# Public pages that must keep refusing to be framed by another site.
GEWONE_PAGINAS = [
    "/",
    "/aanbod/",
    "/aanbod/?thema=beweging",
    "/aanbod/wgc-alfa/",
    "/kalender/",
    "/kalender/week-van-de-valpreventie/",
    "/fr/aanbod/",
    "/insluiten/",  # not an embed: no such page
    "/bestaat-niet/",
]


def frame_ancestors(response):
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        if name == "frame-ancestors":
            return values
    return None


class Links(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.links, self.resources = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs)
        for name in ("src", "href"):
            if attrs.get(name) and tag != "a":
                self.resources.append(attrs[name])


@pytest.mark.parametrize("url", EMBEDS)
def test_an_embed_may_be_framed_by_any_site(client, embed_data, url):
    response = client.get(url)
    assert response.status_code == (404 if "bestaat-niet" in url else 200)
    assert frame_ancestors(response) == ["*"]
    assert "X-Frame-Options" not in response
    # Only the framing opens up: scripts still need our nonce.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'nonce-" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", GEWONE_PAGINAS)
def test_every_other_page_keeps_refusing_other_sites(client, embed_data, url):
    response = client.get(url)
    assert frame_ancestors(response) == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("url", EMBEDS)
def test_an_embed_sets_no_cookie(client, embed_data, url):
    # Also for a visitor who arrives with the site's cookies from an earlier visit.
    client.cookies["django_language"] = "fr"
    client.cookies["sessionid"] = "onbekend"
    response = client.get(url, headers={"accept-language": "ar"})
    assert response.cookies == {}
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("url", EMBEDS)
def test_an_embed_loads_nothing_from_another_site_and_links_out_in_a_new_tab(
    client, embed_data, url
):
    html = client.get(url).content.decode()
    page = Links(html)
    assert page.resources, "the embed's own stylesheet and script"
    for resource in page.resources:
        assert resource.startswith("/static/insluiten/"), resource
    assert page.links
    for link in page.links:
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.netloc) == ("http", "testserver"), link
        if link.get("rel") in ("prev", "next"):
            assert "target" not in link  # paging stays inside the frame
            assert parts.path.startswith(url.split("?")[0][:-1].rsplit("/", 1)[0])
        else:
            assert link["target"] == "_blank"
            assert link["rel"] == "noopener"
            assert "/insluiten/" not in parts.path  # the full page, not another embed
    assert "google" not in html.lower() and "analytics" not in html.lower()


def test_the_embeds_language_follows_its_prefix_not_a_cookie(client, embed_data):
    client.cookies["django_language"] = "fr"
    nl = client.get("/insluiten/aanbod/", headers={"accept-language": "fr"})
    assert '<html lang="nl"' in nl.content.decode()
    fr = client.get("/fr/insluiten/aanbod/").content.decode()
    assert '<html lang="fr"' in fr
    assert "Voir tout sur Preventiezoeker Gent" in fr or "Preventiezoeker Gent" in fr
    assert 'href="http://testserver/fr/aanbod/' in fr
    ar = client.get("/ar/insluiten/aanbod/").content.decode()
    assert '<html lang="ar" dir="rtl"' in ar
