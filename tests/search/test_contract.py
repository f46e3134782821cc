"""The search seam's contract, written against the SearchBackend interface.

A second engine (PostgreSQL full-text) must pass these same tests: add it to BACKENDS. The
documents are not offers: the schema (facets, match-all value, text weights, orders, expiry)
comes from a source the tests register (tests/search/proef.py).
"""

import datetime

import pytest

from preventiezoeker.search import IndexDamaged, SearchQuery, SearchUnavailable, register_source
from preventiezoeker.search.pg_backend import PostgresBackend
from preventiezoeker.search.sources import get_source, unregister_source
from preventiezoeker.search.text import word_forms
from preventiezoeker.search.whoosh_backend import WhooshBackend

from .proef import PROEF, doc

SYNONYMS = {"tanden": ["mondzorg", "tandarts"], "stoppen met roken": ["rookstop"]}


def whoosh(path):
    return WhooshBackend(path, source=get_source("proef"), synonyms=lambda: (1, SYNONYMS))


def postgres(path):
    # One engine per "index": the tables are shared, the name keeps sources apart.
    return PostgresBackend(
        source=get_source("proef"), synonyms=lambda: (1, SYNONYMS), using="default",
        name=f"proef-{path.name}",
    )  # fmt: skip


def break_whoosh(path):
    for f in path.iterdir():
        f.write_bytes(b"\x00" * 64)


def break_postgres(path):
    from django.db import connection

    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("ALTER TABLE search_document RENAME TO search_document_kapot")


BREAK = {whoosh: break_whoosh, postgres: break_postgres}


def _on_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


# The PostgreSQL engine needs PostgreSQL: it joins the run wherever the tests use it.
BACKENDS = [whoosh, postgres] if _on_postgres() else [whoosh]


@pytest.fixture(autouse=True)
def proef_source():
    register_source(PROEF)
    yield PROEF
    unregister_source(PROEF.name)


CORPUS = [
    doc(1, "Samen bewegen in het park", "Wandelen met buren", onderwerp=["beweging"],
        buurt=["rabot-blaisantvest"], spreektaal=["nl", "ar"], kost=["gratis"]),
    doc(2, "Rookstop met een tabakoloog", "Stoppen met roken, stap voor stap",
        onderwerp=["rookstop-en-tabak"], buurt=["overal"], spreektaal=["nl", "fr"],
        kost=["terugbetaald"]),
    doc(3, "Poetsles voor kinderen", "Gezonde tanden", tekst="De mondhygiënist komt langs",
        onderwerp=["mondzorg"], buurt=["ledeberg"], spreektaal=["nl", "tr"], kost=["gratis"]),
    doc(4, "Kookles met weinig geld", "Gezonde voeding voor het hele gezin",
        tekst="Bewegingen en fietsen", onderwerp=["gezonde-voeding", "beweging"],
        buurt=["rabot-blaisantvest"], spreektaal=["ar"], kost=["kansentarief"]),
    doc(5, "Spreekuur bij de diëtist", "Eén gesprek over eten", onderwerp=["gezonde-voeding"],
        buurt=["ledeberg"], spreektaal=["nl"], kost=["betalend"], gecontroleerd="2026-11-01"),
    doc(6, "Fietsles voor vrouwen", "Leer fietsen in een veilige groep", onderwerp=["beweging"],
        buurt=["dampoort"], spreektaal=["nl", "ar"], kost=["gratis"], gecontroleerd="2025-01-01"),
]  # fmt: skip
TITLES = {d["id"]: d["kop"] for d in CORPUS}


@pytest.fixture(params=BACKENDS, ids=lambda f: f.__name__)
def engine(request, tmp_path, db):
    backend = request.param(tmp_path / "index")
    backend.rebuild(iter(CORPUS))
    return backend


def ids(result):
    return [hit.id for hit in result.hits]


def run(engine, text="", **filters):
    return engine.search(SearchQuery(text=text, filters={k: tuple(v) for k, v in filters.items()}))


def test_browse_returns_everything_sorted_by_name(engine):
    result = run(engine)
    assert result.total == 6
    titles = [TITLES[h.id] for h in result.hits]
    assert titles == sorted(titles, key=str.lower)
    assert all(h.score is None for h in result.hits)


def test_or_within_a_facet_and_across_facets(engine):
    assert set(ids(run(engine, onderwerp=["mondzorg", "rookstop-en-tabak"]))) == {2, 3}
    assert set(ids(run(engine, onderwerp=["beweging"], spreektaal=["ar"]))) == {1, 4, 6}
    assert set(ids(run(engine, onderwerp=["beweging"], spreektaal=["tr"]))) == set()


def test_counts_are_disjunctive(engine):
    result = run(engine, onderwerp=["beweging"], spreektaal=["ar"])
    # onderwerp's own counts ignore the onderwerp selection but apply spreektaal=ar
    assert result.facets["onderwerp"]["gezonde-voeding"] == 1  # doc 4
    assert result.facets["onderwerp"]["beweging"] == 3
    # spreektaal's counts apply onderwerp=beweging only
    assert result.facets["spreektaal"]["nl"] == 2  # docs 1, 6
    assert list(result.facets) == list(PROEF.facets)
    # every count equals the total one would get by ticking that value alone
    for value, count in run(engine, spreektaal=["ar"]).facets["kost"].items():
        assert count == run(engine, spreektaal=["ar"], kost=[value]).total


def test_a_match_all_value_matches_a_value_no_document_names(engine):
    assert ids(run(engine, buurt=["zwijnaarde"])) == [2]


def test_a_match_all_value_counts_for_every_value(engine):
    result = run(engine, buurt=["dampoort"])
    assert set(ids(result)) == {2, 6}
    counts = run(engine).facets["buurt"]
    assert counts["dampoort"] == 2 and counts["ledeberg"] == 3 and counts["rabot-blaisantvest"] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dietist", {5}),  # accent folding
        ("DIËTIST", {5}),  # case folding
        ("beweging", {1, 4}),  # stemming: bewegen / bewegingen
        ("fiets", {4, 6}),  # unstemmed copy: fiets ~ fietsen / fietsles? fietsen
        ("fietsen", {4, 6}),
        ("kook", {4}),  # prefix on the last word while typing
        ('"gezonde voeding"', {4}),  # phrase
        ('"voeding gezonde"', set()),
        ("tanden", {3}),  # synonym: also mondzorg/tandarts
        ("stoppen met roken", {2}),
    ],
)
def test_dutch_text_matching(engine, text, expected):
    assert set(ids(run(engine, text))) == expected


def test_title_weighs_more_than_body(engine):
    result = run(engine, "fietsen ")  # trailing space: no prefix expansion
    assert ids(result)[0] == 6  # title "Fietsles…"/summary "fietsen" beats body-only doc 4


def test_typo_finds_and_suggests(engine):
    result = run(engine, "tabakoloogg ")
    assert ids(result) == [2]
    assert result.suggestion == "tabakoloog"


def _matched(hit, value):
    """The words of `value` the hit's matched terms stand for (what an app would mark)."""
    return [w for w in value.split() if any(f and f in hit.terms for f in word_forms(w))]


def test_hits_carry_the_matched_terms_not_markup(engine):
    engine.update([doc(9, "<b>Bewegen</b> & dansen", "<script>x</script>")])
    hit = next(h for h in run(engine, "bewegen ").hits if h.id == 9)
    assert not any(isinstance(v, str) and "<" in v for v in vars(hit).values())
    assert _matched(hit, "Samen bewegen, beweging en dansen") == ["bewegen,", "beweging"]
    # The last word while typing also marks what it expands to; synonyms mark their expansions.
    typing = next(h for h in run(engine, "kook").hits if h.id == 4)
    assert _matched(typing, "Kookles voor iedereen") == ["Kookles"]
    synonym = next(h for h in run(engine, "tanden").hits if h.id == 3)
    assert _matched(synonym, "Gezonde tanden en mondzorg") == ["tanden", "mondzorg"]
    assert all(h.terms == frozenset() for h in run(engine).hits)


def test_update_replaces_and_delete_removes(engine):
    engine.update([doc(1, "Zwemmen voor senioren", onderwerp=["beweging"])])
    assert run(engine, "park").total == 0
    assert ids(run(engine, "zwemmen")) == [1]
    assert run(engine).total == 6
    engine.delete([1, 12345])
    assert run(engine, "zwemmen").total == 0 and run(engine).total == 5


def test_status_counts_documents_and_the_generation_moves_on_each_change(engine):
    before = engine.generation()
    assert engine.status() == {"ok": True, "documents": 6, "detail": ""}
    engine.update([doc(20, "Nieuw aanbod over slapen")])
    assert engine.generation() != before
    assert engine.status()["documents"] == 7
    # Words of the new document are found as typed and while typing, and never as a hit of
    # their own: every hit is a document that was handed in.
    assert ids(run(engine, "slapen ")) == [20] and ids(run(engine, "slap")) == [20]
    assert sorted(ids(engine.search(SearchQuery(per_page=100)))) == [1, 2, 3, 4, 5, 6, 20]


def test_stop_words_alone_restrict_nothing_and_phrases_stay_within_one_part(engine):
    assert run(engine, "de het een ").total == 6
    assert ids(run(engine, '"roken stap"')) == [2]  # "Stoppen met roken, stap voor stap"
    assert run(engine, '"tabakoloog stoppen"').total == 0  # end of title + start of summary


def test_expired_documents_are_hidden(engine):
    past = datetime.date.today() - datetime.timedelta(days=1)
    future = datetime.date.today() + datetime.timedelta(days=30)
    engine.update([doc(7, "Oud aanbod", tot=past), doc(8, "Loopt nog", tot=future)])
    found = set(ids(run(engine, "aanbod loopt")))
    assert 7 not in set(ids(run(engine))) and 8 in set(ids(run(engine)))
    assert 7 not in found


def test_sort_by_last_checked(engine):
    result = engine.search(SearchQuery(sort="gecontroleerd"))
    assert ids(result)[:2] == [5, 6]


def test_pagination_clamps_and_says_so(engine):
    result = engine.search(SearchQuery(per_page=4, page=99))
    assert result.page == 2 and len(result.hits) == 2 and result.page_clamped
    assert not engine.search(SearchQuery(per_page=4, page=2)).page_clamped
    assert engine.search(SearchQuery(per_page=4, page=-3)).page == 1


def test_results_carry_flags_not_sentences(engine):
    result = run(engine, "tabakoloogg ")
    assert result.suggestion == "tabakoloog" and result.timed_out is False
    assert not hasattr(result, "notices")


def test_unknown_facets_and_sorts_of_another_schema_are_ignored(engine):
    # The offer's facet and sort names mean nothing to this source.
    assert run(engine, thema=["beweging"]).total == 6
    assert ids(engine.search(SearchQuery(sort="nagekeken"))) == ids(run(engine))


@pytest.mark.parametrize(
    "text", ["*a*", "*", "title:x", "[a TO z]", 'x"(', "\x00", "a" * 10_000, "NOT x", "^^^", "\\"]
)
def test_hostile_text_never_raises(engine, text):
    result = run(engine, text)
    assert result.total >= 0


def test_rebuild_replaces_everything(engine):
    engine.rebuild(iter([doc(10, "Alleen dit")]))
    assert ids(run(engine)) == [10]


@pytest.mark.parametrize("factory", BACKENDS, ids=lambda f: f.__name__)
def test_missing_or_corrupt_index_is_reported(db, tmp_path, factory):
    missing = factory(tmp_path / "nergens")
    with pytest.raises(SearchUnavailable):
        missing.search(SearchQuery())
    assert missing.status()["ok"] is False

    broken_dir = tmp_path / "kapot"
    good = factory(broken_dir)
    good.rebuild(iter(CORPUS))
    BREAK[factory](broken_dir)
    broken = factory(broken_dir)
    with pytest.raises(SearchUnavailable):
        broken.search(SearchQuery())


@pytest.mark.parametrize("factory", BACKENDS, ids=lambda f: f.__name__)
def test_check_tells_a_missing_index_from_a_built_one(db, tmp_path, factory):
    # What sync and the health check ask before starting a rebuild.
    with pytest.raises(IndexDamaged):
        factory(tmp_path / "nergens").check()
    built = factory(tmp_path / "index")
    built.rebuild(iter(CORPUS))
    assert built.check() is None


def test_words_of_a_removed_document_are_no_longer_suggested(engine):
    assert run(engine, "tabakoloogg ").suggestion == "tabakoloog"
    engine.delete([2])
    result = run(engine, "tabakoloogg ")
    assert result.suggestion is None and result.total == 0
