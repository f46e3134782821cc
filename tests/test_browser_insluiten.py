"""Embeds in a real Chromium, framed by a page of another origin (a second local HTTP server
serving a partner's page with the admin's snippet): the embed loads and shows the offers, the
script sizes the iframe to its content, links open the full page in a new tab, nothing comes
from a third site, axe-core (WCAG 2.1 AA) finds nothing in the embed; an ordinary page of the
site refuses to be framed by that origin."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import contextlib
import functools
import http.server
import threading
from urllib.parse import urlsplit

from django.test import RequestFactory

import pytest
from playwright.sync_api import expect

from insluiten.snippet import Keuze, maak
from tests.insluiten.gegevens import maak_embed_data
from tests.test_browser_search import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@contextlib.contextmanager
def partner_site(directory):
    """A plain static server on another port: another origin than the live server."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))

    class Stil(handler.func):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Stil, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def snippet_for(live_server, keuze):
    parts = urlsplit(live_server.url)
    request = RequestFactory().get("/", SERVER_NAME=parts.hostname, SERVER_PORT=str(parts.port))
    return maak(request, keuze)


@pytest.fixture
def embed_data(partner_a, partner_b, index_dir):
    return maak_embed_data(partner_a, partner_b)


@pytest.fixture
def partner_pagina(live_server, embed_data, partner_a, tmp_path):
    """The partner's page: some text of their own, the snippet, and an ordinary page of our site
    framed the same way (which must stay empty)."""
    from aanbod.models import OrganisatiePage

    org = OrganisatiePage.objects.get(slug="wgc-alfa")
    embed = snippet_for(live_server, Keuze(organisatie=org))
    (tmp_path / "partner.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>WGC Alfa</title>'
        "</head><body><h1>Welkom bij WGC Alfa</h1><p>Ons aanbod:</p>\n"
        f"{embed.html}\n"
        f'<iframe id="gewoon" src="{live_server.url}/aanbod/" title="Gewone pagina"></iframe>'
        "</body></html>",
        encoding="utf-8",
    )
    with partner_site(tmp_path) as origin:
        yield origin + "/partner.html", embed


def test_the_embed_works_inside_a_page_of_another_origin(live_server, page, partner_pagina):
    url, embed = partner_pagina
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    iframe = page.locator("iframe[data-preventiezoeker]")
    frame = page.frame_locator("iframe[data-preventiezoeker]")
    expect(frame.locator("h1")).to_have_text("WGC Alfa")
    expect(frame.locator(".aantal")).to_have_text("2 aanbod gevonden")
    expect(frame.locator(".kaart h2")).to_have_text(["Beweegcoach WGC Alfa", "Wandelen met Alfa"])

    # The script on the partner's page took the embed's height: no inner scrollbar, no gap.
    page.wait_for_function(
        "() => document.querySelector('iframe[data-preventiezoeker]').style.height !== ''"
    )
    hoogte = iframe.evaluate("e => e.clientHeight")  # without the default border
    inhoud = page.frame(url=embed.embed_url).evaluate(
        "() => Math.ceil(document.documentElement.getBoundingClientRect().height)"
    )
    assert hoogte != 600
    assert abs(hoogte - inhoud) <= 2

    # A link opens the offer's full page in a new tab.
    link = frame.get_by_role("link", name="Wandelen met Alfa")
    expect(link).to_have_attribute("target", "_blank")
    with page.context.expect_page() as nieuw:
        link.click()
    tab = nieuw.value
    tab.wait_for_load_state()
    assert tab.url == live_server.url + "/aanbod/wgc-alfa/wandelen-met-alfa/"
    expect(tab.locator("h1")).to_have_text("Wandelen met Alfa")
    assert page.url == url  # the partner's page stays where it was

    # Nothing from a third site: only the partner's page and our own site.
    origins = {f"{urlsplit(r).scheme}://{urlsplit(r).netloc}" for r in requests}
    assert origins <= {url.rsplit("/", 1)[0], live_server.url}, origins


def test_an_ordinary_page_refuses_to_be_framed_by_another_origin(live_server, page, partner_pagina):
    url, _embed = partner_pagina
    geweigerd = []
    page.on("console", lambda m: geweigerd.append(m.text) if "frame" in m.text.lower() else None)
    page.goto(url)
    # The embed next to it loads (the page works), the ordinary page stays empty.
    expect(page.frame_locator("iframe[data-preventiezoeker]").locator("h1")).to_have_text(
        "WGC Alfa"
    )
    gewoon = page.locator("#gewoon").element_handle().content_frame()
    gewoon.wait_for_load_state()
    # Chromium blocks it and shows its own error page in the frame.
    assert gewoon.url == "chrome-error://chromewebdata/"
    assert gewoon.locator("text=aanbod gevonden").count() == 0
    assert any("frame-ancestors 'self'" in message for message in geweigerd), geweigerd


def test_the_auto_resize_ignores_messages_of_another_shape_or_window(
    live_server, page, partner_pagina
):
    url, _embed = partner_pagina
    page.goto(url)
    iframe = page.locator("iframe[data-preventiezoeker]")
    page.wait_for_function(
        "() => document.querySelector('iframe[data-preventiezoeker]').style.height !== ''"
    )
    voor = iframe.evaluate("e => e.style.height")
    # The partner's own page (not the embed's window) posts look-alike messages.
    page.evaluate(
        """() => {
          for (const m of [{type: 'preventiezoeker:hoogte', hoogte: 5},
                           {type: 'preventiezoeker:hoogte', hoogte: 1e9},
                           {type: 'iets', hoogte: 300}, 'preventiezoeker:hoogte', null]) {
            window.postMessage(m, '*');
          }
        }"""
    )
    page.wait_for_timeout(300)
    assert iframe.evaluate("e => e.style.height") == voor


@pytest.mark.parametrize(
    "path",
    [
        "/insluiten/organisatie/wgc-alfa/",
        "/insluiten/aanbod/?thema=beweging&stijl=eenvoudig",
        "/insluiten/campagne/week-van-de-valpreventie/",
        "/ar/insluiten/aanbod/?thema=bestaat-niet",
        "/insluiten/organisatie/bestaat-niet/",
    ],
)
def test_axe_finds_no_violations_in_the_embed(live_server, page, embed_data, path):
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)
