import pytest

from tests.insluiten.gegevens import maak_embed_data


@pytest.fixture
def embed_data(partner_a, partner_b, index_dir):
    return maak_embed_data(partner_a, partner_b)
