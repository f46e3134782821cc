"""Content-Security-Policy on every public page type, the admin's own policy, and which public
pages set a cookie (issue 11, findings 5 and 13).

Pages with a POST form carry a CSRF token, and Django sets its cookie with it: the search page
and organisation page (an "add to selection" form per card), the offer page (that form and the
correction form), the selection, and the gezondheidsgids request form. The handout (fiche) sets
a session cookie by design: it counts a referral once per session. Every other public page sets
no cookie, so a shared cache may keep it.
"""

import base64
import datetime
import hashlib
import re
from html.parser import HTMLParser

from django.conf import settings
from django.test import Client

import pytest

from doorverwijzing.selectie import Selectie
from preventiezoeker.search.sync import rebuild
from tests.kalender.conftest import maak_activiteit, maak_campagne

D = datetime.date
T = datetime.time


class Markup(HTMLParser):
    """Every <script> and <style> tag's attributes, and every inline handler, style attribute
    and javascript: URL."""

    def __init__(self, html):
        super().__init__()
        self.scripts, self.styles, self.inline = [], [], []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "style":
            self.styles.append(attrs)
            self._in_style = True
        for name, value in attrs.items():
            url = (value or "").strip().lower()
            if name.startswith("on") or name == "style" or url.startswith("javascript:"):
                self.inline.append((tag, name, value))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1]["body"] = data


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def nonce_of(response):
    nonces = [v for v in directives(response)["script-src"] if v.startswith("'nonce-")]
    assert len(nonces) <= 1
    return nonces[0][len("'nonce-") : -1] if nonces else None


def assert_strict_public_policy(response):
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def assert_html_fits_the_policy(response):
    """Every script carries this response's nonce; no handler, style attribute or inline style
    that the policy would block."""
    assert_strict_public_policy(response)
    markup = Markup(response.content.decode())
    nonce = nonce_of(response)
    assert markup.scripts, "every public HTML page loads at least selectie.js"
    assert nonce, "the nonce is in script-src once a script uses it"
    assert [s.get("nonce") for s in markup.scripts] == [nonce] * len(markup.scripts)
    assert markup.inline == []
    assert markup.styles == []


@pytest.fixture
def pages(partner_a, index_dir):
    offer = partner_a.offer
    campagne = maak_campagne(
        "Week van de beweging", "week-van-de-beweging", D(2026, 3, 1), D(2027, 12, 31)
    )
    activiteit = maak_activiteit(
        partner_a.organisatie, "Wandelen in het park", data=[(D(2027, 6, 1), T(10), T(12))],
        campagne=campagne,
    )  # fmt: skip
    rebuild()
    return {
        "home": "/",
        "kalender": "/kalender/",
        "campagne": campagne.url,
        "activiteit": activiteit.url,
        "404": "/bestaat-niet/",
        "zoeken": "/aanbod/",
        "zoeken-leeg": "/aanbod/?q=xyzzy",
        "aanbod": offer.url,
        "organisatie": partner_a.organisatie.url,
        "selectie": "/selectie/",
        "fiche": f"/doorverwijzing/fiche/{offer.pk}/",
        "gezondheidsgids": "/doorverwijzing/gezondheidsgids/",
    }


HTML_PAGES = [
    "home", "kalender", "campagne", "activiteit", "404", "zoeken", "zoeken-leeg", "aanbod",
    "organisatie", "selectie", "fiche", "gezondheidsgids",
]  # fmt: skip
COOKIELESS = ["home", "kalender", "campagne", "activiteit", "404", "zoeken-leeg"]
WITH_POST_FORMS = ["zoeken", "aanbod", "organisatie", "selectie", "gezondheidsgids"]


def test_public_pages_have_a_strict_policy_their_markup_fits(client, pages):
    """One test over every page type: the site tree and index are built once."""
    nonces = set()
    for naam in HTML_PAGES:
        response = client.get(pages[naam])
        assert response.status_code == (404 if naam == "404" else 200), naam
        assert_html_fits_the_policy(response)
        nonces.add(nonce_of(response))
    assert len(nonces) == len(HTML_PAGES), "each response gets its own nonce"

    # JSON-LD is a script element too: under script-src it needs the nonce.
    response = client.get(pages["activiteit"])
    scripts = Markup(response.content.decode()).scripts
    jsonld = [s for s in scripts if s.get("type") == "application/ld+json"]
    assert jsonld and jsonld[0]["nonce"] == nonce_of(response)


def test_feeds_get_the_strict_policy_and_no_cookie(client, pages):
    for url in ["/api/v1/aanbod/", "/kalender/ical/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert_strict_public_policy(response)
        assert not response.cookies, url


def test_public_pages_without_a_post_form_set_no_cookie(client, pages, partner_a):
    for naam in COOKIELESS:
        response = client.get(pages[naam])
        assert 'method="post"' not in response.content.decode(), naam
        assert not response.cookies, f"{naam} sets {list(response.cookies)}"
    # The home page's new offers link to the offer page, where the "add to selection" form is.
    html = client.get("/").content.decode()
    assert partner_a.offer.title in html and f'href="{partner_a.offer.url}"' in html
    assert "Zet in mijn selectie" not in html


def test_pages_with_a_post_form_set_the_csrf_cookie_the_form_needs(pages, partner_a):
    for naam in WITH_POST_FORMS:
        client = Client()
        if naam == "selectie":  # an empty selection shows no forms
            session = client.session
            Selectie(session).voeg_toe(partner_a.offer.pk)
            session.save()
        response = client.get(pages[naam])
        assert 'name="csrfmiddlewaretoken"' in response.content.decode(), naam
        assert settings.CSRF_COOKIE_NAME in response.cookies, naam


def test_500_page_inline_style_is_allowed_by_its_hash(monkeypatch, site_tree):
    from home.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert_strict_public_policy(response)
    (style,) = Markup(response.content.decode()).styles
    digest = base64.b64encode(hashlib.sha256(style["body"].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in directives(response)["style-src"]
    assert Markup(response.content.decode()).inline == []


def test_csrf_failure_page_styles_with_the_nonce(site_tree):
    """Django's own 403 page for an expired form has an inline <style>: it carries the nonce."""
    response = Client(enforce_csrf_checks=True).post("/selectie/toevoegen/", {"aanbod": "1"})
    assert response.status_code == 403
    assert_strict_public_policy(response)
    (style,) = Markup(response.content.decode()).styles
    assert style["nonce"] == nonce_of(response)


def test_admin_gets_its_own_policy_and_public_pages_stay_strict_for_editors(client, partner_a):
    client.force_login(partner_a.user)
    for url in ["/admin/", f"/admin/pages/{partner_a.offer.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        # Wagtail's own inline scripts and style attributes run here, and only here.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["img-src"] == ["'self'", "data:", "blob:"]
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "gravatar.com" not in response.content.decode()
    # Logged in, the public offer page shows Wagtail's userbar: still the strict policy.
    response = client.get(partner_a.offer.url)
    assert_strict_public_policy(response)
    assert re.search(r"<script[^>]*userbar", response.content.decode())
