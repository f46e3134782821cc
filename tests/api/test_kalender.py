"""GET /api/v1/kalender/: occurrences in Brussels time, facets and bounds (moved here from
tests/kalender/test_kalender.py)."""

import datetime

D = datetime.date
API = "/api/v1/kalender/"


def test_dst_in_the_json_api_and_facets(client, dinsdag, ledeberg):
    response = client.get(f"{API}?van=2026-10-01&tot=2026-10-31")
    assert response.json()["count"] == 0
    response = client.get(f"{API}?van=2026-03-17&tot=2026-04-08&wijk=rabot-blaisantvest")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert [r["start"] for r in data["results"]] == [
        "2026-03-17T19:00:00+01:00", "2026-03-24T19:00:00+01:00",
        "2026-03-31T19:00:00+02:00", "2026-04-07T19:00:00+02:00",
    ]  # fmt: skip
    assert data["results"][0]["activity"]["title"] == "Wandelgroep op dinsdag"
    assert data["results"][0]["recurring"] is True
    wijk = {v["value"]: v for v in data["facets"]["wijk"]}
    # Wijk counts ignore the wijk selection itself: 4 in Rabot, 2 in Ledeberg.
    assert wijk["rabot-blaisantvest"]["count"] == 4 and wijk["rabot-blaisantvest"]["selected"]
    assert wijk["ledeberg"]["count"] == 2 and not wijk["ledeberg"]["selected"]
    thema = {v["value"]: v["count"] for v in data["facets"]["thema"]}
    assert thema == {"beweging": 4}  # thema counts apply the wijk filter


def test_huge_range_is_bounded_to_a_year(client, site_tree):
    data = client.get(f"{API}?van=2026-01-01&tot=2099-01-01").json()
    assert (D.fromisoformat(data["to"]) - D.fromisoformat(data["from"])).days == 366


def test_echoed_input_is_never_raw_markup(client, site_tree):
    # Method, OPTIONS and CORS checks for both endpoints: test_http.py.
    response = client.get(f"{API}?q=<script>")
    assert b"<script>" not in response.content


def test_facet_values_of_an_occurrence_sit_under_facets(client, dinsdag):
    data = client.get(f"{API}?van=2026-03-17&tot=2026-03-17").json()
    (moment,) = data["results"]
    assert moment["facets"]["thema"] == ["beweging"]
    assert moment["facets"]["wijk"] == ["rabot-blaisantvest"]
    assert moment["facets"]["taal"] == ["nl"]
    assert "thema" not in moment and "campagne" not in moment["facets"]
