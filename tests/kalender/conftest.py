import datetime

import pytest

from aanbod.models import Taal, Thema, Wijk
from kalender.enums import Herhaling
from tests.kalender.factories import ActiviteitPageFactory, CampagnePageFactory

T = datetime.time
D = datetime.date


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


@pytest.fixture
def dinsdag(partner_a, vocab):
    """Every Tuesday 19:00-21:00 in Rabot from 17 March 2026, 8 times."""
    return maak_activiteit(
        partner_a.organisatie, "Wandelgroep op dinsdag",
        herhaling=Herhaling.WEKELIJKS, eerste_dag=D(2026, 3, 17), start_tijd=T(19),
        eind_tijd=T(21), herhaal_aantal=8,
        m2m={"themas": [vocab["beweging"]], "wijken": [vocab["rabot"]], "talen": [vocab["nl"]]},
    )  # fmt: skip


@pytest.fixture
def ledeberg(partner_b, vocab):
    return maak_activiteit(
        partner_b.organisatie, "Tandenpoetsles Ledeberg",
        data=[(D(2026, 3, 18), T(10), T(11)), (D(2026, 3, 25), T(10), T(11))],
        m2m={"themas": [vocab["mondzorg"]], "wijken": [vocab["ledeberg"]]},
    )  # fmt: skip
