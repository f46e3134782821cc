"""The seam reads posting lists block by block through Whoosh-Reloaded internals (pinned).
These tests compare that with Whoosh's public matcher API, so an upgrade that changes the
internals fails here instead of returning wrong results."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from preventiezoeker.search import postings
from preventiezoeker.search.answer import first_in_order
from preventiezoeker.search.whoosh_backend import WhooshBackend as _WhooshBackend

from .proef import PROEF
from .proef import doc as _doc


def WhooshBackend(path):  # noqa: N802
    return _WhooshBackend(path, source=PROEF)


def doc(pk, title, body="", thema=(), **columns):
    return _doc(pk, title, tekst=body, onderwerp=list(thema), **columns)


def public(reader, field, term):
    matcher = reader.postings(field, term)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def test_block_reader_matches_the_public_api_over_segments_and_deletions(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    # Enough documents for several posting blocks (Whoosh writes 128 postings per block).
    corpus = [
        doc(i, f"Bewegen in groep {i}", "wandelen " * (i % 4) + "fietsen", thema=["beweging"])
        for i in range(1, 400)
    ]
    backend.rebuild(iter(corpus))
    # A second segment:
    backend.update([doc(1000, "Bewegen op de fiets", thema=["beweging", "vrije-tijd"])])
    backend.delete([3, 1000])
    searcher, _cache = backend._state()
    reader = searcher.reader()
    assert len(list(reader.leaf_readers())) == 2  # both segments are read
    checked = 0
    for field in ("tekst", "facet"):
        for term in reader.lexicon(field):
            ids, weights = postings.read(reader, field, term)
            live = [i for i in ids.tolist() if not reader.is_deleted(i)]
            expected_ids, expected_weights = public(reader, field, term)
            assert live == expected_ids
            kept = np.array([not reader.is_deleted(i) for i in ids.tolist()], dtype=bool)
            assert np.allclose(weights[kept], expected_weights)
            checked += 1
    assert checked > 10


def test_block_reader_returns_nothing_for_an_unknown_term(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    backend.rebuild(iter([doc(1, "Rookstop")]))
    searcher, _cache = backend._state()
    ids, weights = postings.read(searcher.reader(), "tekst", "onbestaand")
    assert ids.size == 0 and weights.size == 0


def test_a_rebuild_in_several_segments_answers_like_one_segment(tmp_path, monkeypatch):
    from preventiezoeker.search import SearchQuery, whoosh_backend

    corpus = [
        doc(i, f"{'Fietsles' if i % 3 else 'Wandelen'} in groep {i}", thema=[f"t{i % 4}"])
        for i in range(1, 50)
    ]
    answers = []
    for segment in (10_000, 7):
        monkeypatch.setattr(whoosh_backend, "REBUILD_SEGMENT", segment)
        backend = WhooshBackend(tmp_path / f"index-{segment}")
        backend.rebuild(iter(corpus))
        reader = backend._state()[0].reader()
        assert len(list(reader.leaf_readers())) == (1 if segment > 49 else 8)
        result = backend.search(SearchQuery(text="fietsles", filters={"onderwerp": ("t1", "t2")}))
        answers.append((result.total, [h.id for h in result.hits], result.facets))
    assert answers[0] == answers[1] and answers[0][0] > 0


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3000), st.integers(1, 200), st.floats(0, 1), st.integers(0, 2**32 - 1))
def test_walking_the_order_in_chunks_gives_the_first_hits_in_order(n, end, density, seed):
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    mask = rng.random(n) < density
    expected = order[mask[order]][:end].tolist()
    assert first_in_order(order, mask, end, int(mask.sum())) == expected


def test_numeric_columns_read_whole_equal_the_public_reader(tmp_path):
    from preventiezoeker.search import postings as p

    backend = WhooshBackend(tmp_path / "index")
    backend.rebuild(
        iter([doc(i, f"Aanbod {i}", gecontroleerd=f"2026-01-{i:02d}") for i in (1, 2, 3)])
    )
    backend.update([doc(99, "Zonder datum")])  # a second segment, default values
    reader = backend._state()[0].reader()
    n = reader.doc_count_all()
    for name, typecode in (("pk_num", "i8"), ("gecontroleerd", "i4"), ("tot", "i4")):
        assert p.numeric_column(reader, name, typecode, n).tolist() == list(
            reader.column_reader(name)
        )
