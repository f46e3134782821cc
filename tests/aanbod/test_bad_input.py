"""Whatever arrives in the query string, /aanbod/ and /api/v1/aanbod/ answer 200 with a usable
result, say in Dutch what they ignored, and never reflect markup unescaped."""

import json
from types import SimpleNamespace
from urllib.parse import urlencode

from django.utils.html import escape

import pytest

from aanbod.data.vocabularies import WIJKEN
from aanbod.facetten import keuzes
from aanbod.models import Thema
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory

API = "/api/v1/aanbod/"
HTML = "/aanbod/"

ONBEKEND = "Onbekende keuze genegeerd bij {}: {}"
TE_LANG = "Je zoekwoorden waren te lang; we zochten op de eerste 200 tekens."
TE_VEEL = "Je koos te veel waarden bij {}; we gebruiken de eerste 20."
PAGINA = "Ongeldig paginanummer; we tonen pagina 1."
VOORBIJ = "Die pagina bestaat niet; dit is pagina 1."
SORTERING = "Onbekende sortering; we sorteren zoals standaard."

SCRIPT = '"><script>alert(1)</script>'
IMG = "'><img src=x onerror=alert(1)>"
ALLE_WIJKEN = [slug for slug, _label in WIJKEN] + ["stadsbreed"]
VIJFTIG_WIJKEN = ALLE_WIJKEN + [f"onbekend-{i}" for i in range(50 - len(ALLE_WIJKEN))]

# (id, query as a list of pairs, the notices expected, in order)
CASES = [
    (
        "unknown-facet-value",
        [("thema", "bestaat-niet")],
        [ONBEKEND.format("thema", "bestaat-niet")],
    ),
    ("unknown-enum-value", [("prijs", "spotgoedkoop")], [ONBEKEND.format("prijs", "spotgoedkoop")]),
    ("unknown-parameter", [("foo", "bar"), ("utm_source", "nieuwsbrief")], []),
    ("empty-values", [("q", ""), ("thema", ""), ("page", ""), ("sort", "")], []),
    ("page-negative", [("page", "-1")], [PAGINA]),
    ("page-zero", [("page", "0")], [PAGINA]),
    ("page-text", [("page", "abc")], [PAGINA]),
    ("page-nul", [("page", "1\x00")], [PAGINA]),
    ("page-huge", [("page", str(10**12))], [VOORBIJ]),
    ("page-float", [("page", "1e9")], [PAGINA]),
    ("q-10kb", [("q", "fietsles " * 1200)], [TE_LANG]),
    ("q-nul", [("q", "fiets\x00les")], []),
    ("q-control-chars", [("q", "fiets\x1b[31mles\x07")], []),
    ("q-unbalanced-quote", [("q", '"fietsles')], []),
    ("q-unbalanced-quotes", [("q", 'fiets"les" "')], []),
    ("q-unbalanced-brackets", [("q", "(fietsles ]{")], []),
    ("q-wildcards", [("q", "*a*")], []),
    ("q-field-syntax", [("q", "title:x")], []),
    ("q-range", [("q", "[a TO z]")], []),
    ("q-boolean", [("q", "fiets AND NOT -les OR ~2^3")], []),
    ("q-regex", [("q", "/.*(a+)+$/")], []),
    ("q-unicode", [("q", "دروس 🚲 diëtist ｆｉｅｔｓ")], []),
    ("q-repeated", [("q", "mondzorg"), ("q", "fietsles")], []),
    ("q-markup", [("q", SCRIPT)], []),
    ("facet-markup", [("wijk", IMG)], [ONBEKEND.format("wijk", IMG)]),
    ("facet-10kb", [("thema", "x" * 10_000)], [ONBEKEND.format("thema", "x" * 80)]),
    (
        "facet-50-values",
        [("wijk", v) for v in VIJFTIG_WIJKEN],
        [
            ONBEKEND.format("wijk", ", ".join(f"onbekend-{i}" for i in range(5))),
            TE_VEEL.format("wijk"),
        ],
    ),
    ("facet-50-same-value", [("thema", "beweging")] * 50, []),
    ("sort-garbage", [("sort", "garbage")], [SORTERING]),
    ("sort-markup", [("sort", SCRIPT)], [SORTERING]),
    ("sort-repeated", [("sort", "naam"), ("sort", "nagekeken")], []),
    ("sort-relevance-without-words", [("sort", "relevantie")], []),
]
RAW_MARKUP = ("<script>alert", "<img src=x")


@pytest.fixture
def weinig_aanbod(site_tree, index_dir):  # noqa: F811
    """Two live offers, indexed: enough for every case, quick to build."""
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    fiets = AanbodPageFactory(parent=org, title="Fietsles voor volwassenen")
    mond = AanbodPageFactory(
        parent=org, title="Mondzorg <thuis>", themas=[Thema.objects.get(slug="mondzorg")]
    )
    rebuild()
    return SimpleNamespace(org=org, fiets=fiets, mond=mond)


@pytest.mark.parametrize(("query", "notices"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_html(client, weinig_aanbod, query, notices):
    response = client.get(f"{HTML}?{urlencode(query)}")
    assert response.status_code == 200
    zoek = response.context["zoek"]
    assert zoek.notices == notices
    assert zoek.page >= 1 and zoek.total >= 0 and not zoek.unavailable
    content = response.content.decode()
    for notice in notices:
        assert escape(notice) in content
    for raw in RAW_MARKUP:
        assert raw not in content
    # Chips only ever show known values, never what was typed.
    choices = keuzes()
    assert all(value.value in choices[f.name] for f, value in zoek.chips)


@pytest.mark.parametrize(("query", "notices"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_api(client, weinig_aanbod, query, notices):
    response = client.get(f"{API}?{urlencode(query)}")
    assert response.status_code == 200
    data = json.loads(response.content)
    if VOORBIJ in notices:  # the API (2.1.0) answers a page past the end with an empty page
        assert data["results"] == [] and data["page"] > data["num_pages"]
        notices = [n for n in notices if n != VOORBIJ]
    else:
        assert 1 <= data["page"] <= data["num_pages"]
    assert data["notices"] == notices
    assert data["page"] >= 1 and data["count"] >= 0
    for raw in RAW_MARKUP:
        assert raw.encode() not in response.content


def test_nul_in_q_still_searches_the_words(client, weinig_aanbod):
    data = json.loads(client.get(API, {"q": "fietsles\x00volwassenen"}).content)
    assert [r["id"] for r in data["results"]] == [weinig_aanbod.fiets.pk]
    html = client.get(HTML, {"q": "fietsles\x00volwassenen"})
    assert html.context["zoek"].text == "fietsles volwassenen"


def test_q_is_escaped_in_the_search_box(client, weinig_aanbod):
    response = client.get(HTML, {"q": SCRIPT})
    content = response.content.decode()
    assert escape(SCRIPT) in content  # &quot;&gt;&lt;script&gt;... inside value="..."
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in content
    assert "<script>alert" not in content


def test_suggestion_link_is_escaped(client, weinig_aanbod):
    response = client.get(HTML, {"q": "fietsls", "wijk": IMG})
    zoek = response.context["zoek"]
    assert zoek.suggestion == "fietsles"
    content = response.content.decode()
    assert "?q=fietsles&amp;wijk=%27%3E%3Cimg" in content or (
        "wijk=%27%3E%3Cimg" in content and "q=fietsles" in content
    )
    assert "<img src=x" not in content
    data = json.loads(client.get(API, {"q": "fietsls", "wijk": IMG}).content)
    assert data["suggestion"] == "fietsles"


def test_titles_are_escaped_in_results(client, weinig_aanbod):
    response = client.get(HTML, {"q": "thuis"})
    content = response.content.decode()
    assert "Mondzorg &lt;<mark>thuis</mark>&gt;" in content
    assert "<thuis>" not in content
    data = json.loads(client.get(API, {"q": "thuis"}).content)
    assert data["results"][0]["title_html"] == "Mondzorg &lt;<mark>thuis</mark>&gt;"
    assert data["results"][0]["title"] == "Mondzorg <thuis>"


def test_vocabulary_labels_are_escaped_in_facets_and_chips(client, weinig_aanbod):
    Thema.objects.create(slug="vet", label="<b>Vet</b> & mager")
    response = client.get(HTML, {"thema": "vet"})
    zoek = response.context["zoek"]
    assert [(f.name, v.label) for f, v in zoek.chips] == [("thema", "<b>Vet</b> & mager")]
    content = response.content.decode()
    assert "<b>Vet</b>" not in content
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; mager" in content
