"""The age filter (leeftijd) keeps the facet invariant on every engine: a value's count is the
number of results ticking it would give, with the age filter applied to every other facet and
the age facet counting the offers of that age. Checked against a count in Python."""

import itertools

from django.http import QueryDict

import pytest

from aanbod.models import Thema, Wijk
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory


def _on_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


ENGINES = ["preventiezoeker.search.whoosh_backend.WhooshBackend"]
if _on_postgres():
    ENGINES.append("preventiezoeker.search.pg_backend.PostgresBackend")

# (min, max, themes, wijken, stadsbreed): ranges open at either end, none, and edges.
OFFERS = [
    (None, None, ["beweging"], ["ledeberg"], False),
    (65, None, ["beweging"], ["rabot-blaisantvest"], False),
    (60, 80, ["gezonde-voeding"], ["rabot-blaisantvest"], False),
    (None, 18, ["mondzorg"], ["ledeberg"], False),
    (67, 67, ["mondzorg"], [], True),
    (0, 3, ["beweging"], ["dampoort"], False),
    (18, 66, ["gezonde-voeding"], ["ledeberg"], False),
    (68, 120, ["beweging"], [], True),
]
AGES = ["0", "3", "17", "18", "66", "67", "68", "120"]


@pytest.fixture(params=ENGINES, ids=lambda e: e.rsplit(".", 1)[1])
def aanbod(request, site_tree, settings, tmp_path):
    settings.SEARCH_BACKEND = request.param
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    pages = []
    for n, (laag, hoog, themas, wijken, stadsbreed) in enumerate(OFFERS):
        page = AanbodPageFactory(
            parent=org, title=f"Aanbod {n}", min_leeftijd=laag, max_leeftijd=hoog,
            themas=list(Thema.objects.filter(slug__in=themas)), stadsbreed=stadsbreed,
        )  # fmt: skip
        page.wijken.set(Wijk.objects.filter(slug__in=wijken))
        page.save()
        pages.append((page.pk, laag, hoog, set(themas), set(wijken), stadsbreed))
    rebuild()
    yield pages
    reset_backend()


def _past(offer, leeftijd=None, thema=None, wijk=None):
    _pk, laag, hoog, themas, wijken, stadsbreed = offer
    if leeftijd is not None and not (
        (laag is None or laag <= leeftijd) and (hoog is None or leeftijd <= hoog)
    ):
        return False
    if thema is not None and thema not in themas:
        return False
    return wijk is None or stadsbreed or wijk in wijken


def _zoek(params):
    return zoek(QueryDict(params), log=False)


def _counts(result, name):
    return {v.value: v.count for f in result.facets if f.name == name for v in f.values}


@pytest.mark.django_db
def test_age_filter_keeps_the_facet_invariant(aanbod):
    themas = ["beweging", "gezonde-voeding", "mondzorg"]
    for leeftijd, wijk in itertools.product(AGES, [None, "rabot-blaisantvest"]):
        params = f"leeftijd={leeftijd}" + (f"&wijk={wijk}" if wijk else "")
        result = _zoek(params)
        age = int(leeftijd)
        expected = {o[0] for o in aanbod if _past(o, age, wijk=wijk)}
        assert result.total == len(expected), params
        assert {r.kaart.pk for r in result.results} == expected, params
        # Other facets count with the age (and wijk) filter on.
        thema_counts = _counts(result, "thema")
        for thema in themas:
            wanted = sum(_past(o, age, thema, wijk) for o in aanbod)
            assert thema_counts.get(thema, 0) == wanted, (params, thema)
        # The age facet shows the chosen age only, counted with the other filters.
        assert _counts(result, "leeftijd") == {leeftijd: len(expected)}, params
        # The wijk facet counts ignore the wijk filter, not the age.
        wijk_counts = _counts(result, "wijk")
        wanted = sum(_past(o, age, wijk="ledeberg") for o in aanbod)
        assert wijk_counts["ledeberg"] == wanted, params


@pytest.mark.django_db
def test_without_age_every_offer_stays_and_no_age_values_are_listed(aanbod):
    result = _zoek("")
    assert result.total == len(OFFERS)
    assert _counts(result, "leeftijd") == {}
