"""Distance from a wijk, a Ghent postcode or the visitor's position (aanbod/afstand.py through
the search seam): nearest first on both engines, offers without a place after, paging that
continues the order, the distance on each card and in the API, the same counts on the page and
in the API, bad input as a notice, nothing hidden leaking, and no position stored or logged."""

import logging
import re
from decimal import Decimal

from django.db import connection
from django.http import QueryDict

import pytest

from aanbod import zoeken
from aanbod.afstand import WIJK_CENTRA, km
from aanbod.enums import Vorm
from aanbod.models import AanbodLocatie, Wijk, ZoekStatistiek
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory

ENGINES = ["preventiezoeker.search.whoosh_backend.WhooshBackend"]
if connection.vendor == "postgresql":
    ENGINES.append("preventiezoeker.search.pg_backend.PostgresBackend")

API = "/api/v1/aanbod/"
RABOT = WIJK_CENTRA["rabot-blaisantvest"]
# Near Rabot first, then further away; city-wide and online-only offers have no distance.
# (title, location {lat, lon, wijk, postcode} or None, wijken, stadsbreed, vormen, ages)
OFFERS = [
    ("Zwemmen Zwijnaarde", {"postcode": "9052"}, [], False, None, (None, None)),
    ("Wandelen Rabot", {"lat": "51.064500", "lon": "3.713500"}, [], False, None, (60, None)),
    ("Koken Bloemekenswijk", None, ["bloemekenswijk"], False, None, (None, None)),
    ("Yoga Ledeberg", {"wijk": "ledeberg"}, [], False, None, (18, 66)),
    ("Beweegcoach heel Gent", None, [], True, None, (None, None)),
    ("Online rookstop", None, ["rabot-blaisantvest"], False, [Vorm.ONLINE], (None, None)),
    ("Bbbb Dampoort", None, ["dampoort"], False, None, (65, 99)),
    ("Aaaa Dampoort", None, ["dampoort"], False, None, (None, None)),
]
NEAREST_FROM_RABOT = [
    "Wandelen Rabot", "Koken Bloemekenswijk", "Aaaa Dampoort", "Bbbb Dampoort", "Yoga Ledeberg",
    "Zwemmen Zwijnaarde", "Beweegcoach heel Gent", "Online rookstop",
]  # fmt: skip


def _maak(org, title, locatie, wijken, stadsbreed, vormen, leeftijden, **extra):
    page = AanbodPageFactory(
        parent=org, title=title, stadsbreed=stadsbreed, vormen=vormen or [Vorm.GROEPSAANBOD],
        min_leeftijd=leeftijden[0], max_leeftijd=leeftijden[1], **extra,
    )  # fmt: skip
    page.wijken.set(Wijk.objects.filter(slug__in=wijken))
    if locatie is not None:
        wijk = Wijk.objects.filter(slug=locatie.get("wijk")).first()
        AanbodLocatie.objects.create(
            aanbod=page, straat_nummer="Straat 1", postcode=locatie.get("postcode", "9000"),
            wijk=wijk, latitude=Decimal(locatie["lat"]) if "lat" in locatie else None,
            longitude=Decimal(locatie["lon"]) if "lon" in locatie else None,
        )  # fmt: skip
    page.save()
    return page


@pytest.fixture(params=ENGINES, ids=lambda e: e.rsplit(".", 1)[1])
def aanbod(request, site_tree, settings, tmp_path):
    settings.SEARCH_BACKEND = request.param
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    pages = {offer[0]: _maak(org, *offer) for offer in OFFERS}
    rebuild()
    yield pages
    reset_backend()


def _zoek(params):
    return zoek(QueryDict(params), log=False)


def _titels(result):
    return [r.kaart.title for r in result.results]


@pytest.mark.django_db
def test_nearest_first_and_offers_without_a_place_after(aanbod):
    result = _zoek("vanaf=rabot-blaisantvest&sort=afstand")
    assert result.sort == "afstand" and result.notices == []
    assert _titels(result) == NEAREST_FROM_RABOT
    afstanden = [r.afstand for r in result.results]
    assert afstanden[0] == pytest.approx(km(RABOT, (51.0645, 3.7135)))
    assert afstanden[:6] == sorted(afstanden[:6])
    # City-wide and online-only: still listed, without a distance.
    assert afstanden[6:] == [None, None]


@pytest.mark.django_db
def test_a_starting_point_sorts_nearest_first_by_default_and_a_chosen_sort_wins(aanbod):
    assert _titels(_zoek("postcode=9052"))[0] == "Zwemmen Zwijnaarde"
    by_name = _zoek("postcode=9052&sort=naam")
    assert _titels(by_name)[:2] == ["Aaaa Dampoort", "Bbbb Dampoort"]
    # The distance is on the cards whatever the order.
    assert by_name.results[0].afstand is not None


@pytest.mark.django_db
def test_ties_keep_the_name_order_and_words_keep_their_relevance(aanbod):
    titels = _titels(_zoek("vanaf=dampoort&sort=afstand"))
    assert titels[:2] == ["Aaaa Dampoort", "Bbbb Dampoort"]  # same wijk centre: by name
    with_words = _zoek("q=dampoort&vanaf=rabot-blaisantvest&sort=afstand")
    assert _titels(with_words) == ["Aaaa Dampoort", "Bbbb Dampoort"]


@pytest.mark.django_db
def test_page_two_continues_the_distance_order(aanbod, monkeypatch):
    monkeypatch.setattr(zoeken, "PER_PAGE", 3)
    pages = [_zoek(f"vanaf=rabot-blaisantvest&sort=afstand&page={n}") for n in (1, 2, 3)]
    assert [p.total for p in pages] == [len(OFFERS)] * 3
    assert sum((_titels(p) for p in pages), []) == NEAREST_FROM_RABOT


@pytest.mark.django_db
def test_a_position_gives_distances_from_there(aanbod):
    # Standing in Zwijnaarde: the Zwijnaarde pool first.
    result = _zoek("lat=51.0052&lon=3.7101&sort=afstand")
    assert result.vertrekpunt.soort == "positie"
    assert _titels(result)[0] == "Zwemmen Zwijnaarde"


@pytest.mark.django_db
def test_caregiver_age_67_near_rabot_same_counts_on_page_and_api(aanbod, client, site_tree):
    """Done when: a caregiver filters for age 67 near Rabot and gets the same counts from the
    page and the API."""
    params = "leeftijd=67&vanaf=rabot-blaisantvest&sort=afstand"
    html = client.get(f"{site_tree.index.url}?{params}").content.decode()
    data = client.get(f"{API}?{params}").json()
    result = _zoek(params)
    # Age 67: not the 18-66 yoga; the rest in distance order, city-wide and online after.
    expected = [t for t in NEAREST_FROM_RABOT if t != "Yoga Ledeberg"]
    assert data["count"] == result.total == len(expected)
    assert f"{len(expected)} aanbod gevonden" in html
    assert [o["title"] for o in data["results"]] == expected
    assert [o["afstand_m"] for o in data["results"]][-2:] == [None, None]
    assert data["results"][0]["afstand_m"] == round(km(RABOT, (51.0645, 3.7135)) * 1000)
    # Every facet count the page shows is the API's.
    shown = {
        (name, value): int(count)
        for name, value, count in re.findall(
            r'<input type="checkbox" name="(\w+)" value="([^"]+)"[^>]*>.*?data-aantal="(\d+)"', html
        )
    }
    api = {(f, v["value"]): v["count"] for f, values in data["facets"].items() for v in values}
    assert shown and all(api[key] == count for key, count in shown.items())
    assert shown[("leeftijd", "67")] == len(expected)
    # The page's order and distances are the API's.
    positions = [html.index(f">{title}</a>") for title in expected]
    assert positions == sorted(positions)
    assert "± 100 m" in html or "± 50 m" in html


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ("lat=48.8566&lon=2.3522", "niet in België"),  # Paris
        ("lat=abc&lon=3.7", "niet in België"),
        ("lat=51.05", "niet in België"),
        ("postcode=1000", "kennen we niet"),  # Brussels
        ("vanaf=nergens", "kennen we niet"),
        ("vanaf=%00%00", "Dichtstbij eerst kan pas"),  # blank after cleaning
        ("vanaf=%00rabot", "kennen we niet"),
        ("postcode=" + "9" * 5000, "kennen we niet"),
        ("sort=afstand", "Dichtstbij eerst kan pas"),
    ],
)
@pytest.mark.django_db
def test_bad_starting_points_give_a_notice_not_an_error(
    params, notice, client, site_tree, index_dir
):
    rebuild()
    page = client.get(f"{site_tree.index.url}?{params}&sort=afstand")
    assert page.status_code == 200
    assert notice in page.content.decode()
    api = client.get(f"{API}?{params}&sort=afstand")
    assert api.status_code == 200
    assert any(notice in n for n in api.json()["notices"])


@pytest.mark.django_db
def test_hidden_offers_never_leave_the_server_with_a_distance(aanbod, client, site_tree):
    org = aanbod["Wandelen Rabot"].get_parent()
    # Right at the Rabot centre: it would be first if anything leaked.
    draft = _maak(org, "Geheim Rabot", {"lat": str(RABOT[0]), "lon": str(RABOT[1])}, [],
                  False, None, (None, None), live=False)  # fmt: skip
    rebuild()
    params = "vanaf=rabot-blaisantvest&sort=afstand"
    assert _titels(_zoek(params)) == NEAREST_FROM_RABOT
    data = client.get(f"{API}?{params}").json()
    assert data["count"] == len(OFFERS)
    assert draft.pk not in [o["id"] for o in data["results"]]
    assert "Geheim Rabot" not in client.get(f"{site_tree.index.url}?{params}").content.decode()


@pytest.mark.django_db
def test_the_position_is_never_stored_or_logged(aanbod, client, site_tree, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(f"{site_tree.index.url}?q=wandelen&lat=51.06453&lon=3.71349")
    client.get(f"{API}?lat=51.06453&lon=3.71349&leeftijd=67")
    rows = list(ZoekStatistiek.objects.values_list("woorden", "filters"))
    assert rows  # the searches were counted, by words and filters only
    stored = repr(rows) + caplog.text
    assert "51.06" not in stored and "3.71" not in stored and "lat" not in stored


@pytest.mark.django_db
def test_with_the_index_down_the_cards_keep_their_distance(aanbod, settings, tmp_path):
    from tests.search.breken import break_index

    break_index(settings, tmp_path / "weg", "weg")
    result = _zoek("vanaf=rabot-blaisantvest&sort=afstand")
    assert result.unavailable and result.total == len(OFFERS)
    afstanden = {r.kaart.title: r.afstand for r in result.results}
    assert afstanden["Wandelen Rabot"] == pytest.approx(km(RABOT, (51.0645, 3.7135)))
    assert afstanden["Beweegcoach heel Gent"] is None
