"""GET /health/ tells a load balancer whether this server can serve visitors."""

import json

from preventiezoeker.search.sync import rebuild
from tests.search.breken import break_index


def test_healthy_when_database_and_search_work(client, partner_a, index_dir):
    rebuild()
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "search": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_503_names_the_broken_part(client, partner_a, index_dir, settings, tmp_path):
    rebuild()
    break_index(settings, tmp_path / "weg", "weg")
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "search": "fout"}


def test_only_reads(client, db):
    assert client.post("/health/").status_code == 405
