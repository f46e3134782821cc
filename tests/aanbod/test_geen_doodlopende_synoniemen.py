"""The words that found nothing (issue 13) find relevant demo offers through the seeded synonyms,
on both search engines (PostgreSQL's joins wherever the tests run on PostgreSQL)."""

from django.db import connection
from django.http import QueryDict

import pytest

from aanbod.demo import laad_demo
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import rebuild

PG = "preventiezoeker.search.pg_backend.PostgresBackend"
WHOOSH = "preventiezoeker.search.whoosh_backend.WhooshBackend"
BACKENDS = [WHOOSH, PG] if connection.vendor == "postgresql" else [WHOOSH]

# word -> the themes every offer it finds must have one of (relevant, not just anything)
WOORDEN = {
    "zelfmoord": {"mentaal-welbevinden"},
    "mental health": {"mentaal-welbevinden"},
    "verslaving": {"alcohol-en-drugs", "gokken-en-gamen"},
    "geheugen": {"mantelzorg"},
    "kinesist": {"valpreventie", "beweging", "wegwijs-in-de-zorg"},
}


@pytest.fixture(params=BACKENDS, ids=["whoosh", "postgres"][: len(BACKENDS)])
def demo(request, settings, site_tree, index_dir):
    settings.SEARCH_BACKEND = request.param
    reset_backend()
    laad_demo()
    rebuild()
    yield
    reset_backend()


def test_each_zero_result_word_now_finds_relevant_demo_offers(demo):
    for word, themas in WOORDEN.items():
        resultaat = zoek(QueryDict(f"q={word}"), log=False)
        assert resultaat.total >= 1, word
        for r in resultaat.results:
            found = {t.slug for t in r.labels["themas"]}
            assert found & themas, (word, r.kaart.title, found)
