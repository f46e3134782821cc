"""The HTTP conventions hold for every endpoint alike (api/http.py; before, the calendar had its
own copy that had drifted: no Allow or Vary on OPTIONS)."""

import json

from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from api.http import api_view, json_response, unavailable
from preventiezoeker.search.sync import rebuild

ENDPOINTS = ["/api/v1/aanbod/", "/api/v1/kalender/", "/api/v1/openapi.json"]
METHODS = {"GET", "HEAD", "OPTIONS"}


@pytest.fixture
def api_site(site_tree, index_dir):
    rebuild()
    return site_tree


@pytest.mark.parametrize("url", ENDPOINTS)
def test_get_is_json_cors_open_not_indexed_and_cookieless(client, api_site, url):
    response = client.get(url, HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies
    json.loads(response.content)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_cors_preflight(client, api_site, url):
    response = client.options(
        url,
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept, x-requested-with",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Allow"].split(", ")) == METHODS
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == METHODS
    assert response["Access-Control-Allow-Headers"] == "accept, x-requested-with"
    assert "Access-Control-Request-Headers" in response["Vary"]
    assert int(response["Access-Control-Max-Age"]) > 0
    assert response["X-Robots-Tag"] == "noindex"
    assert response.content == b"" and not response.cookies


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_get_head_options(client, api_site, url, method):
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 405  # not a CSRF 403
    assert set(response["Allow"].split(", ")) == METHODS
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["detail"] == "Deze methode is niet toegestaan; gebruik GET."


@pytest.mark.parametrize("url", ENDPOINTS)
def test_head_has_no_body(client, api_site, url):
    response = client.head(url)
    assert response.status_code == 200 and response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"


def test_503_carries_retry_after_and_the_api_headers():
    # The offer endpoint's 503 with a broken index: test_aanbod.py; the calendar reads the
    # database and has no 503 of its own. Here the one helper both would use.
    view = api_view(lambda request: unavailable())
    response = view(RequestFactory().get("/api/v1/x/"))
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["detail"].startswith("Zoeken is tijdelijk")


def test_markup_is_escaped_in_the_body():
    response = json_response({"q": "<script>&</script>"})
    assert response.content == b'{"q": "\\u003cscript\\u003e\\u0026\\u003c/script\\u003e"}'
    assert json.loads(response.content) == {"q": "<script>&</script>"}
    assert isinstance(response, HttpResponse)
