"""ETag and Last-Modified on every GET of /api/v1/ (api/conditional.py): a client that polls gets
304 without a body while nothing changed, and the whole answer as soon as anything did, including
a change that no publish date shows (an unpublished offer leaving a list)."""

import datetime
from types import SimpleNamespace

from django.core.cache import cache
from django.utils.http import http_date

import pytest

from api import conditional
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, publish

T0 = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def api_data(partner_a, partner_b, index_dir):
    cache.clear()
    rebuild()
    return partner_a, partner_b


class Clock:
    """The time api/conditional.py reads (only there: publishing keeps the real clock)."""

    def __init__(self):
        self.now = T0

    def travel(self, when):
        self.now = when
        return self


@pytest.fixture
def clock(monkeypatch):
    fixed = Clock()
    monkeypatch.setattr(conditional, "timezone", SimpleNamespace(now=lambda: fixed.now))
    return fixed


def urls(partner_a):
    offer, org = partner_a.offer, partner_a.organisatie
    return [
        "/api/v1/aanbod/",
        f"/api/v1/aanbod/{offer.pk}/",
        "/api/v1/organisaties/",
        f"/api/v1/organisaties/{org.pk}/",
        "/api/v1/kalender/",
        "/api/v1/campagnes/",
        "/api/v1/openapi.json",
    ]


def test_every_get_has_validators_and_a_304_for_a_client_that_has_it(client, api_data):
    partner_a, _b = api_data
    for url in urls(partner_a):
        first = client.get(url, HTTP_ORIGIN="https://partner.example.org")
        assert first.status_code == 200, url
        etag, modified = first["ETag"], first["Last-Modified"]
        assert etag.startswith('"') and etag.endswith('"') and first["Cache-Control"] == "no-cache"
        # A script on the partner's site may read them (CORS hides other headers).
        exposed = {h.strip() for h in first["Access-Control-Expose-Headers"].split(",")}
        assert {"ETag", "Last-Modified"} <= exposed
        for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
            again = client.get(url, HTTP_ORIGIN="https://partner.example.org", **headers)
            assert again.status_code == 304, (url, headers)
            assert again.content == b"" and again["ETag"] == etag
            assert again["Access-Control-Allow-Origin"] == "*"  # CORS holds on a 304 too
        head = client.head(url, HTTP_IF_NONE_MATCH=etag)
        assert head.status_code == 304, url
        other = client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"')
        assert other.status_code == 200 and other.content == first.content, url


def test_a_change_gives_a_new_etag_and_a_later_last_modified(client, api_data, clock):
    partner_a, _b = api_data
    before = client.get("/api/v1/aanbod/")
    assert before["Last-Modified"] == http_date(T0.timestamp())
    publish(AanbodPageFactory(parent=partner_a.organisatie, title="Nieuw aanbod"))
    rebuild()
    # In the same second: still a later date, or If-Modified-Since would say 304.
    after = client.get("/api/v1/aanbod/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert after.status_code == 200 and b"Nieuw aanbod" in after.content
    assert after["ETag"] != before["ETag"]
    assert after["Last-Modified"] == http_date(T0.timestamp() + 1)


def test_an_unpublished_offer_leaving_the_list_is_a_change_too(client, api_data, clock):
    """No newer publish date anywhere: a Last-Modified from the shown offers' dates would say
    304, and the client would keep showing the hidden offer."""
    partner_a, partner_b = api_data
    org_url = f"/api/v1/organisaties/{partner_b.organisatie.pk}/"
    before, org_before = client.get("/api/v1/aanbod/"), client.get(org_url)
    assert partner_b.offer.title.encode() in before.content
    later = clock.travel(T0 + datetime.timedelta(minutes=5)).now
    partner_b.offer.unpublish()
    rebuild()
    for url, old in (("/api/v1/aanbod/", before), (org_url, org_before)):
        after = client.get(url, HTTP_IF_MODIFIED_SINCE=old["Last-Modified"])
        assert after.status_code == 200, url
        assert partner_b.offer.title.encode() not in after.content
        assert after["Last-Modified"] == http_date(later.timestamp())
    assert client.get("/api/v1/aanbod/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_without_the_cache_an_answer_counts_as_changed_never_as_the_same(client, api_data, clock):
    partner_a, _b = api_data
    first = client.get("/api/v1/aanbod/")
    cache.clear()  # Redis restarted, or the entry expired
    clock.travel(T0 + datetime.timedelta(hours=1))
    again = client.get("/api/v1/aanbod/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200  # not a 304 we cannot vouch for
    assert again["ETag"] == first["ETag"]  # the content did not change: its hash did not either
    assert client.get("/api/v1/aanbod/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize(
    "value", ["gisteren", "", "Mon, 99 Foo 2026 25:61:61 GMT", "x" * 5000, "0", "\t", "*"]
)
def test_garbage_validators_never_break_the_answer(client, api_data, value):
    for header in ("HTTP_IF_MODIFIED_SINCE", "HTTP_IF_NONE_MATCH"):
        response = client.get("/api/v1/aanbod/", **{header: value})
        # "*" matches any current answer (RFC 9110); anything else is ignored.
        expected = 304 if header == "HTTP_IF_NONE_MATCH" and value == "*" else 200
        assert response.status_code == expected, (header, value)


def test_errors_carry_no_validators(client, api_data):
    response = client.get("/api/v1/aanbod/0/")
    assert response.status_code == 404
    assert "ETag" not in response and "Last-Modified" not in response
