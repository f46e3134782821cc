"""Property: whatever query string arrives, validation and search stay within their contract."""

import re

from django.http import QueryDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanbod.data.vocabularies import DOELGROEPEN, TALEN, THEMAS, TOEGANKELIJKHEID, WIJKEN
from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.facetten import NAMEN as FACETS
from aanbod.filters import MAX_PAGE, MAX_VALUES_PER_FACET, SORT_LABELS, AanbodFilterSet
from aanbod.models import Thema, Wijk
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.query import MAX_QUERY_CHARS
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory

SORTS = tuple(SORT_LABELS)

KNOWN = {
    "thema": [t[0] for t in THEMAS],
    "wijk": [w[0] for w in WIJKEN] + ["stadsbreed"],
    "taal": [t[0] for t in TALEN],
    "doelgroep": [d[0] for d in DOELGROEPEN],
    "toegankelijkheid": [t[1] for t in TOEGANKELIJKHEID],
    "prijs": list(PrijsCategorie.values),
    "vorm": list(Vorm.values),
    "inschrijving": list(Inschrijving.values),
    "organisatie": ["wgc-alfa", "zf-beta"],
    "leeftijd": ["0", "12", "67", "120", "-3", "200", "abc", "alle-leeftijden", "6.5"],
}
WORDS = ["fiets", "fietsles", "mondzorg", "koken", "<b>", "&amp;", '"', "*", "title:", "OR", "é"]
PARAM_NAMES = ["q", "sort", "page", *FACETS, "foo", "utm_source", "Q", "page[]"]

any_text = st.text(st.characters(codec="utf-8"), max_size=40)
facet_value = st.one_of(any_text, st.sampled_from(sorted({v for vs in KNOWN.values() for v in vs})))
q_text = st.one_of(
    any_text,
    st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
    st.text(max_size=600),
)
page_value = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    any_text,
    st.sampled_from(["", "1", "2", "1e3", "0x10"]),
)
sort_value = st.one_of(st.sampled_from([*SORTS, "", "NAAM"]), any_text)


@st.composite
def query_dicts(draw):
    qd = QueryDict(mutable=True)
    if draw(st.booleans()):
        qd.setlist("q", draw(st.lists(q_text, min_size=1, max_size=2)))
    for facet in draw(st.sets(st.sampled_from(FACETS), max_size=4)):
        known = st.sampled_from(KNOWN[facet])
        qd.setlist(facet, draw(st.lists(st.one_of(known, facet_value), max_size=25)))
    if draw(st.booleans()):
        qd.setlist("page", draw(st.lists(page_value, min_size=1, max_size=2)))
    if draw(st.booleans()):
        qd["sort"] = draw(sort_value)
    for name in draw(st.sets(st.sampled_from(PARAM_NAMES[-4:]), max_size=2)):
        qd[name] = draw(any_text)
    return qd


@pytest.fixture
def aanbod_index(site_tree, settings, tmp_path):
    """A few offers whose titles and summaries are full of markup characters, indexed."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    OrganisatiePageFactory(parent=site_tree.index, title="Ziekenfonds <Beta> Gent", slug="zf-beta")
    mondzorg = [Thema.objects.get(slug="mondzorg")]
    AanbodPageFactory(parent=alfa, title="Fietsles <script>x</script> & co")
    AanbodPageFactory(parent=alfa, title='Koken "<b>" voor <i>iedereen</i>', themas=mondzorg)
    page = AanbodPageFactory(
        parent=alfa, title="Mondzorg <mark>echt</mark> fiets", in_het_kort="<img src=x> fiets"
    )
    page.wijken.set([Wijk.objects.get(slug="ledeberg")])
    page.save()
    AanbodPageFactory(parent=alfa, title="Wandelen <<>>", stadsbreed=True, min_leeftijd=60)
    AanbodPageFactory(parent=alfa, title="Kinderyoga", min_leeftijd=4, max_leeftijd=12)
    rebuild()
    yield
    reset_backend()


def _only_mark(html):
    return "<" not in re.sub(r"</?mark>", "", html)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=query_dicts())
@pytest.mark.django_db
def test_any_query_string_stays_within_the_contract(aanbod_index, data):
    filterset = AanbodFilterSet(data)
    params, notices = filterset.search_params()
    assert 1 <= params["page"] <= MAX_PAGE
    assert len(params["text"]) <= MAX_QUERY_CHARS
    assert params["sort"] in ("", *SORTS)
    assert set(params["filters"]) <= set(FACETS)
    for facet, values in params["filters"].items():
        assert values, facet
        assert len(values) <= MAX_VALUES_PER_FACET
        assert len(set(values)) == len(values)
        assert set(values) <= set(filterset.choices[facet]), facet
    assert all(isinstance(n, str) and n for n in notices)

    result = zoek(data, log=False)
    assert not result.unavailable
    assert result.page >= 1 and result.total >= 0
    assert 1 <= result.page <= result.num_pages
    assert len(result.results) <= result.per_page
    assert result.filters == params["filters"]
    for r in result.results:
        assert _only_mark(r.title_html), r.title_html
        assert _only_mark(r.summary_html), r.summary_html
    for facet in result.facets:
        assert {v.value for v in facet.values if v.selected} == set(
            params["filters"].get(facet.name, ())
        )
        assert all(v.count >= 0 for v in facet.values)
    if result.suggestion is not None:
        assert "<" not in result.suggestion
