"""GET /api/v1/aanbod/ and /api/v1/openapi.json: the same search as /aanbod/, as JSON."""

import datetime
import inspect
import json
import re
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.facetten import NAMEN as FACETS
from aanbod.facetten import keuzes
from aanbod.filters import MAX_PAGE, SORT_LABELS, VERTREKPUNT, ZONDER_ALLES, AanbodFilterSet
from aanbod.models import Doelgroep, Taal, Thema, Wijk
from api import aanbod as aanbod_endpoint
from preventiezoeker import versies
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.api.schema import check
from tests.search.breken import MODES, break_index

SORTS = tuple(SORT_LABELS)

API = "/api/v1/aanbod/"
OPENAPI = "/api/v1/openapi.json"
HTML = "/aanbod/"
ONBESCHIKBAAR = "Zoeken werkt even minder goed"


# -- fixtures (also used by test_bad_input.py) -----------------------------------------------------


def _offer(org, title, *, themas, wijken=(), talen=("nl",), doelgroepen=(), **fields):
    page = AanbodPageFactory(
        parent=org,
        title=title,
        themas=[Thema.objects.get(slug=s) for s in themas],
        talen=[Taal.objects.get(slug=s) for s in talen],
        **fields,
    )
    page.wijken.set([Wijk.objects.get(slug=s) for s in wijken])
    page.doelgroepen.set([Doelgroep.objects.get(slug=s) for s in doelgroepen])
    page.save()
    return publish(page)


@pytest.fixture
def zoekdata(site_tree, index_dir):
    """Six offers of two organisations (one expired), indexed."""
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beta = OrganisatiePageFactory(parent=site_tree.index, title="Ziekenfonds Beta", slug="zf-beta")
    fiets = _offer(
        alfa, "Fietsles voor volwassenen", themas=["beweging"], wijken=["rabot-blaisantvest"],
        doelgroepen=["volwassenen"], in_het_kort="Leer fietsen in een kleine groep.",
    )  # fmt: skip
    wandel = _offer(
        alfa, "Samen wandelen in Ledeberg", themas=["beweging"], wijken=["ledeberg"],
        doelgroepen=["senioren"], in_het_kort="Elke week een wandeling met de buurt.",
    )  # fmt: skip
    mond = _offer(
        beta, "Mondzorg op school", themas=["mondzorg"], wijken=["rabot-blaisantvest"],
        prijs=[PrijsCategorie.TERUGBETAALD], vormen=[Vorm.INDIVIDUEEL],
        inschrijving=[Inschrijving.OP_AFSPRAAK], in_het_kort="Tanden poetsen leer je op school.",
    )  # fmt: skip
    rook = _offer(
        beta, "Rookstop-coaching", themas=["rookstop-en-tabak"], talen=("nl", "fr"),
        stadsbreed=True, prijs=[PrijsCategorie.BETALEND], bedrag=Decimal("12.5"),
        in_het_kort="Stoppen met roken, met een coach.",
    )  # fmt: skip
    koken = _offer(
        alfa, "Gezond koken <&> proeven", themas=["gezonde-voeding"], wijken=["dampoort"],
        prijs=[PrijsCategorie.KANSENTARIEF], in_het_kort='Koken met "verse" groenten <b>samen</b>.',
    )  # fmt: skip
    oud = _offer(
        alfa, "Fietsles van vroeger", themas=["beweging"], wijken=["rabot-blaisantvest"],
        einddatum=datetime.date(2020, 1, 1),
    )  # fmt: skip
    rebuild()
    return SimpleNamespace(
        alfa=alfa, beta=beta, fiets=fiets, wandel=wandel, mond=mond, rook=rook, koken=koken,
        oud=oud, zichtbaar=[fiets, wandel, mond, rook, koken],
    )  # fmt: skip


def api(client, params="", **headers):
    if isinstance(params, str):
        params = QueryDict(params)
    response = client.get(API, params, **headers)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response, json.loads(response.content)


def ids(data):
    return [r["id"] for r in data["results"]]


def facet(data, name):
    return {v["value"]: v for v in data["facets"][name]}


def counts(data, name):
    return {value: v["count"] for value, v in facet(data, name).items()}


# -- the endpoint ----------------------------------------------------------------------------------


def test_lists_every_visible_offer_with_the_documented_shape(client, zoekdata):
    response, data = api(client)
    assert response.status_code == 200
    assert data["count"] == 5 and data["page"] == 1 and data["num_pages"] == 1
    assert data["per_page"] == 20
    assert sorted(ids(data)) == sorted(p.pk for p in zoekdata.zichtbaar)
    assert zoekdata.oud.pk not in ids(data)
    assert data["suggestion"] is None and data["notices"] == []
    assert list(data["facets"]) == list(FACETS)

    rook = next(r for r in data["results"] if r["id"] == zoekdata.rook.pk)
    assert rook["url"] == f"http://testserver{zoekdata.rook.url}"
    assert rook["title"] == "Rookstop-coaching" and rook["title_html"] == "Rookstop-coaching"
    assert rook["summary"] == "Stoppen met roken, met een coach."
    assert rook["organisation"] == {
        "id": zoekdata.beta.pk,
        "slug": "zf-beta",
        "name": "Ziekenfonds Beta",
        "url": f"http://testserver{zoekdata.beta.url}",
    }
    assert rook["facets"]["thema"] == [{"slug": "rookstop-en-tabak", "label": "Rookstop en tabak"}]
    assert {t["slug"] for t in rook["facets"]["taal"]} == {"nl", "fr"}
    assert rook["facets"]["wijk"] == [] and rook["city_wide"] is True
    assert rook["facets"]["prijs"] == [{"slug": "betalend", "label": "Betalend"}]
    assert rook["facets"]["vorm"] == [{"slug": "groepsaanbod", "label": "Groepsaanbod"}]
    assert rook["facets"]["inschrijving"] == [
        {"slug": "zonder-afspraak", "label": "Zonder afspraak"}
    ]
    assert rook["amount"] == "12.50"
    assert rook["last_reviewed"] == zoekdata.rook.laatst_nagekeken.isoformat()
    assert rook["next_dates"] == []

    fiets = next(r for r in data["results"] if r["id"] == zoekdata.fiets.pk)
    assert fiets["facets"]["wijk"] == [
        {"slug": "rabot-blaisantvest", "label": "Rabot - Blaisantvest"}
    ]
    assert fiets["facets"]["doelgroep"] == [{"slug": "volwassenen", "label": "Volwassenen"}]
    assert fiets["amount"] is None and fiets["city_wide"] is False


def test_json_is_utf8_without_ascii_escapes(client, zoekdata):
    response, data = api(client, {"taal": "fr"})
    assert data["count"] == 1
    # Non-ASCII stays readable (ensure_ascii=False): "Oekraïens" is a label in the taal facet.
    assert "Oekraïens".encode() in response.content
    assert b"\\u00ef" not in response.content


SAME_AS_HTML = [
    "",
    "q=fietsen",
    "q=fiets",
    "thema=beweging",
    "thema=beweging&thema=mondzorg",
    "wijk=ledeberg",
    "wijk=rabot-blaisantvest&prijs=gratis",
    "prijs=terugbetaald&vorm=individueel",
    "organisatie=wgc-alfa&sort=naam",
    "sort=nagekeken",
    "q=koken&sort=relevantie",
    "q=samen",
    "taal=fr&inschrijving=zonder-afspraak",
    "doelgroep=senioren",
    "thema=bestaat-niet&sort=garbage",
]


def test_same_count_and_ids_as_the_html_page(client, zoekdata):
    for params in SAME_AS_HTML:  # one data set for the whole table: pages are slow to build
        html = client.get(f"{HTML}?{params}")
        assert html.status_code == 200, params
        zoek = html.context["zoek"]
        _response, data = api(client, params)
        assert data["count"] == zoek.total, params
        assert ids(data) == [r.page.pk for r in zoek.results], params
        assert data["page"] == zoek.page and data["notices"] == zoek.notices, params
    assert zoek.total == 5 and len(set(zoek.notices)) == 2


def test_facet_counts_are_disjunctive(client, zoekdata):
    _r, alles = api(client)
    assert counts(alles, "thema")["beweging"] == 2
    assert counts(alles, "thema")["mondzorg"] == 1
    assert counts(alles, "prijs")["gratis"] == 2

    _r, beweging = api(client, {"thema": "beweging"})
    assert beweging["count"] == 2
    # Ticking a thema leaves the thema counts as they were: you can still add a second one...
    assert counts(beweging, "thema") == counts(alles, "thema")
    # ...but narrows every other facet.
    assert counts(beweging, "prijs")["gratis"] == 2
    assert counts(beweging, "prijs")["terugbetaald"] == 0
    assert counts(beweging, "organisatie") == {"wgc-alfa": 2}
    assert counts(alles, "organisatie") == {"wgc-alfa": 3, "zf-beta": 2}

    _r, twee = api(client, {"thema": ["beweging", "mondzorg"]})
    assert twee["count"] == 3  # OR within one facet
    _r, en = api(client, {"thema": ["beweging", "mondzorg"], "prijs": "terugbetaald"})
    assert en["count"] == 1 and ids(en) == [zoekdata.mond.pk]  # AND between facets
    assert counts(en, "prijs") == counts(twee, "prijs")
    assert counts(en, "thema")["beweging"] == 0 and counts(en, "thema")["mondzorg"] == 1


def test_stadsbreed_offers_count_for_every_wijk(client, zoekdata):
    _r, data = api(client)
    wijk_counts = counts(data, "wijk")
    assert wijk_counts["stadsbreed"] == 1
    for slug in Wijk.objects.values_list("slug", flat=True):
        own = sum(slug in [w["slug"] for w in r["facets"]["wijk"]] for r in data["results"])
        assert wijk_counts[slug] == own + 1, slug  # also wijken no offer names itself


@pytest.mark.parametrize(
    ("wijk", "expected"),
    [
        ("ledeberg", ["wandel", "rook"]),  # a wijk with an offer of its own
        ("zwijnaarde", ["rook"]),  # a wijk no indexed offer names
        ("stadsbreed", ["rook"]),
    ],
)
def test_stadsbreed_offers_match_every_wijk_filter(client, zoekdata, wijk, expected):
    _r, data = api(client, {"wijk": wijk})
    assert sorted(ids(data)) == sorted(getattr(zoekdata, name).pk for name in expected)
    assert data["count"] == len(expected)


def test_selected_flags(client, zoekdata):
    _r, data = api(client, {"thema": ["beweging", "mondzorg", "onbekend"], "wijk": "stadsbreed"})
    gekozen = {name: {v["value"] for v in data["facets"][name] if v["selected"]} for name in FACETS}
    assert gekozen["thema"] == {"beweging", "mondzorg"}
    assert gekozen["wijk"] == {"stadsbreed"}
    assert all(not gekozen[name] for name in FACETS if name not in ("thema", "wijk"))
    assert facet(data, "wijk")["stadsbreed"]["label"] == "Heel Gent (stadsbreed)"
    assert data["notices"] == ["Onbekende keuze genegeerd bij thema: onbekend"]
    # A chosen organisation stays listed even without results, so it can be unticked.
    _r, data = api(client, {"organisatie": "zf-beta", "thema": "gezonde-voeding"})
    assert data["count"] == 0
    assert facet(data, "organisatie")["zf-beta"] == {
        "value": "zf-beta", "label": "Ziekenfonds Beta", "count": 0, "selected": True,
    }  # fmt: skip


def test_highlighting_and_escaping_in_json(client, zoekdata):
    payload = '<script>alert("x")</script>'
    response, data = api(client, {"q": '"><proeven', "thema": payload})
    assert response.status_code == 200
    assert ids(data) == [zoekdata.koken.pk]
    result = data["results"][0]
    assert result["title"] == "Gezond koken <&> proeven"  # plain text stays plain
    assert result["title_html"] == "Gezond koken &lt;&amp;&gt; <mark>proeven</mark>"
    assert result["summary"] == 'Koken met "verse" groenten <b>samen</b>.'
    assert result["summary_html"] == (
        "Koken met &quot;verse&quot; groenten &lt;b&gt;samen&lt;/b&gt;."
    )
    # What someone typed comes back as text, and never as raw markup in the body.
    assert data["notices"] == [f"Onbekende keuze genegeerd bij thema: {payload}"]
    assert b"<script" not in response.content and b"<mark>" not in response.content
    for text in (result["title_html"], result["summary_html"]):
        assert "<" not in re.sub(r"</?mark>", "", text)


def test_suggestion_is_plain_text(client, zoekdata):
    _r, data = api(client, {"q": "<img src=x onerror=alert(1)> fietsls"})
    assert data["count"] == 0
    assert data["suggestion"] and "fietsles" in data["suggestion"]
    assert "<" not in data["suggestion"] and ">" not in data["suggestion"]


def test_no_results_suggest_dropping_a_filter(client, zoekdata):
    _r, data = api(client, {"thema": "mondzorg", "wijk": "ledeberg"})
    assert data["count"] == 0
    # Without the thema: Ledeberg's walk and the city-wide coaching; without the wijk: Mondzorg.
    assert data["without_filter"] == [
        {"facet": "thema", "label": "Thema", "values": ["Mondzorg"], "count": 2},
        {"facet": "wijk", "label": "Wijk", "values": ["Ledeberg"], "count": 1},
    ]
    _r, data = api(client, {"thema": "mondzorg"})
    assert data["count"] == 1 and data["without_filter"] == []


def test_pagination(client, zoekdata, settings):
    mondzorg = [Thema.objects.get(slug="mondzorg")]
    for i in range(23):  # live without a revision: quicker, and the index reads the database
        AanbodPageFactory(
            parent=zoekdata.beta, title=f"Gratis tandencheck {i:02d}", themas=mondzorg
        )
    rebuild()
    _r, eerste = api(client, {"thema": "mondzorg", "sort": "naam"})
    assert eerste["count"] == 24 and eerste["num_pages"] == 2 and len(eerste["results"]) == 20
    _r, tweede = api(client, {"thema": "mondzorg", "sort": "naam", "page": "2"})
    assert tweede["page"] == 2 and len(tweede["results"]) == 4
    assert not set(ids(eerste)) & set(ids(tweede))
    # Past the end: the empty page asked for (the HTML page shows the last one instead), so a
    # client that pages until it finds no results stops.
    _r, voorbij = api(client, {"thema": "mondzorg", "page": "99"})
    assert voorbij["page"] == 99 and voorbij["results"] == [] and voorbij["notices"] == []
    assert voorbij["count"] == 24 and voorbij["num_pages"] == 2
    html = client.get(HTML, {"thema": "mondzorg", "page": "99"}).context["zoek"]
    assert html.page == 2 and html.notices == ["Die pagina bestaat niet; dit is pagina 2."]


def test_no_query_per_result(client, zoekdata, monkeypatch):
    # A loaded machine may take longer than MAX_AGE between the warm-up and the measured
    # request: the shared counters' re-read would then be counted for one request only.
    monkeypatch.setattr(versies, "MAX_AGE", 3600)

    def queries(params):
        client.get(API, params)  # warm caches (site root paths, vocabularies)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(API, params)
        assert response.status_code == 200
        return len(ctx.captured_queries), json.loads(response.content)["count"]

    een, n1 = queries({"thema": "rookstop-en-tabak"})
    alle, n5 = queries({})
    assert (n1, n5) == (1, 5)
    assert alle == een, "the number of queries must not grow with the number of results"


def test_head_answers_like_get_without_logging(client, zoekdata):
    from aanbod.models import ZoekStatistiek

    response = client.head(API, {"q": "fiets"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not ZoekStatistiek.objects.exists()
    client.get(API, {"q": "fiets"})
    assert ZoekStatistiek.objects.get().woorden == "fiets"


# -- engine ------------------------------------------------------------------------------


def test_views_do_not_import_the_engine():
    assert "whoosh" not in inspect.getsource(aanbod_endpoint)


# -- index unavailable -----------------------------------------------------------------------------


@pytest.mark.parametrize("how", MODES)
def test_503_when_the_index_is_unavailable(client, zoekdata, settings, tmp_path, how):
    break_index(settings, tmp_path / f"kapot-{how}", how)
    response = client.get(API, {"q": "fiets", "thema": "beweging"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content) == {
        "detail": "Zoeken is tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw."
    }

    # The HTML page falls back to the database and says so, in Dutch.
    html = client.get(HTML, {"q": "fiets", "thema": "beweging"})
    assert html.status_code == 200
    zoek = html.context["zoek"]
    assert zoek.unavailable
    assert [r.page.pk for r in zoek.results] == [zoekdata.fiets.pk]
    assert any(n.startswith(ONBESCHIKBAAR) for n in zoek.notices)
    assert ONBESCHIKBAAR in html.content.decode()


def test_fallback_keeps_stadsbreed_offers_in_every_wijk(client, zoekdata, settings, tmp_path):
    break_index(settings, tmp_path / "weg", "weg")
    html = client.get(HTML, {"wijk": "ledeberg"})
    zoek = html.context["zoek"]
    assert zoek.unavailable
    assert sorted(r.page.pk for r in zoek.results) == sorted([zoekdata.wandel.pk, zoekdata.rook.pk])


def test_recovers_after_the_index_is_rebuilt(client, zoekdata, settings, tmp_path):
    break_index(settings, tmp_path / "nieuw", "weg")
    assert client.get(API).status_code == 503
    rebuild()
    response, data = api(client)
    assert response.status_code == 200 and data["count"] == 5


# -- OpenAPI ---------------------------------------------------------------------------------------


@pytest.fixture
def document(client, db):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Robots-Tag"] == "noindex"
    doc = json.loads(response.content)
    assert doc["openapi"].startswith("3.1")
    return doc


def _operation(doc):
    return doc["paths"]["/api/v1/aanbod/"]["get"]


def _response_schema(doc, status):
    return _operation(doc)["responses"][status]["content"]["application/json"]["schema"]


def _parameters(doc):
    """The query parameters (the conditional headers are checked in test_conditional.py)."""
    return {p["name"]: p for p in _operation(doc)["parameters"] if p["in"] == "query"}


def test_openapi_documents_every_parameter_with_fixed_enums(document):
    params = _parameters(document)
    assert set(params) == set(AanbodFilterSet.base_filters) == {
        "q", "sort", "page", *FACETS, *VERTREKPUNT, *ZONDER_ALLES,
    }  # fmt: skip
    assert all(p["in"] == "query" and not p["required"] for p in params.values())
    assert params["sort"]["schema"]["enum"] == list(SORTS) == [
        "relevantie", "naam", "nagekeken", "afstand",
    ]  # fmt: skip
    for name, enum in (("prijs", PrijsCategorie), ("vorm", Vorm), ("inschrijving", Inschrijving)):
        assert params[name]["schema"] == {
            "type": "array", "items": {"type": "string", "enum": list(enum.values)}
        }  # fmt: skip
    for name in FACETS:
        assert params[name]["schema"]["type"] == "array" and params[name]["explode"] is True
    assert params["page"]["schema"]["minimum"] == 1
    assert params["page"]["schema"]["maximum"] == MAX_PAGE


def _example_queries(doc):
    """One query string per documented value: every enum value, else the example."""
    for name, parameter in _parameters(doc).items():
        schema = parameter["schema"]
        enum = schema.get("enum") or schema.get("items", {}).get("enum")
        example = parameter["example"]
        values = enum or (example if isinstance(example, list) else [example])
        for value in values:
            yield name, str(value)


def test_every_documented_parameter_is_accepted(client, zoekdata, document):
    queries = list(_example_queries(document))
    assert {name for name, _ in queries} == set(_parameters(document))
    # A position needs both halves, and nearest first a starting point.
    samen = {"lat": {"lon": "3.713"}, "lon": {"lat": "51.064"}, "afstand": {"vanaf": "ledeberg"}}
    for name, value in queries:
        response, data = api(client, {name: value, **samen.get(name, samen.get(value, {}))})
        assert response.status_code == 200, (name, value)
        # ?stadsbreed=nee says what it left out; every other documented value is silent.
        expected = 1 if name in ZONDER_ALLES else 0
        assert len(data["notices"]) == expected, (name, value, data["notices"])
        if name in FACETS:
            assert {v["value"] for v in data["facets"][name] if v["selected"]} == {value}


def test_documented_facet_examples_are_real_slugs(zoekdata, document):
    choices = keuzes()
    for name in FACETS:
        for value in _parameters(document)[name]["example"]:
            assert value in choices[name], (name, value)


@pytest.mark.parametrize(
    "params",
    ["", "q=koken", "wijk=ledeberg&thema=beweging", "page=5", "wijk=ledeberg&thema=mondzorg"],
)
def test_live_response_matches_the_schema(client, zoekdata, document, params):
    _response, data = api(client, params)
    assert check(document, _response_schema(document, "200"), data) == []
    # The check itself is not toothless.
    broken = {**data, "results": [{**data["results"][0], "id": "1"}]} if data["results"] else data
    broken.pop("notices")
    assert check(document, _response_schema(document, "200"), broken)


def test_503_matches_the_schema(client, zoekdata, document, settings, tmp_path):
    break_index(settings, tmp_path / "weg", "weg")
    response = client.get(API)
    assert response.status_code == 503
    assert check(document, _response_schema(document, "503"), json.loads(response.content)) == []
    assert set(_operation(document)["responses"]["503"]["headers"]) >= {"Retry-After"}
