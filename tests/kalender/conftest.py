import datetime

import pytest

from aanbod.models import Taal, Thema, Wijk
from tests.kalender.factories import ActiviteitPageFactory, CampagnePageFactory

T = datetime.time


def maak_activiteit(organisatie, titel, *, data=(), uitzonderingen=(), m2m=None, **velden):
    """Create and publish an activity like an approved editor would (through a revision)."""
    return ActiviteitPageFactory(
        parent=organisatie, title=titel, data=data, afgelast=uitzonderingen, gepubliceerd=True,
        **(m2m or {}), **velden,
    )  # fmt: skip


def maak_campagne(titel, slug, start, einde, **velden):
    return CampagnePageFactory(
        title=titel, slug=slug, start=start, einde=einde, gepubliceerd=True, **velden
    )


@pytest.fixture
def vocab(db):
    return {
        "beweging": Thema.objects.get(slug="beweging"),
        "mondzorg": Thema.objects.get(slug="mondzorg"),
        "rabot": Wijk.objects.get(slug="rabot-blaisantvest"),
        "ledeberg": Wijk.objects.get(slug="ledeberg"),
        "nl": Taal.objects.get(slug="nl"),
    }
