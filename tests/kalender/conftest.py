import datetime

import pytest

from aanbod.models import Taal, Thema, Wijk
from kalender.models import (
    ActiviteitDatum,
    ActiviteitPage,
    ActiviteitUitzondering,
    CampagnePage,
    KalenderIndexPage,
)
from tests.factories import publish

T = datetime.time


def maak_activiteit(organisatie, titel, *, data=(), uitzonderingen=(), m2m=None, **velden):
    """Create and publish an activity like an approved editor would (through a revision)."""
    velden.setdefault("in_het_kort", f"{titel}: kom gerust langs.")
    page = ActiviteitPage(title=titel, **velden)
    page.losse_data = [ActiviteitDatum(datum=d, start_tijd=s, eind_tijd=e) for d, s, e in data]
    page.uitzonderingen = [ActiviteitUitzondering(datum=d) for d in uitzonderingen]
    for field, values in (m2m or {}).items():
        setattr(page, field, values)
    organisatie.add_child(instance=page)
    return publish(page)


def maak_campagne(titel, slug, start, einde, **velden):
    index = KalenderIndexPage.objects.get()
    page = CampagnePage(
        title=titel,
        slug=slug,
        start=start,
        einde=einde,
        in_het_kort=velden.pop("in_het_kort", f"{titel} in Gent."),
        **velden,
    )
    index.add_child(instance=page)
    return publish(page)


@pytest.fixture
def vocab(db):
    return {
        "beweging": Thema.objects.get(slug="beweging"),
        "mondzorg": Thema.objects.get(slug="mondzorg"),
        "rabot": Wijk.objects.get(slug="rabot-blaisantvest"),
        "ledeberg": Wijk.objects.get(slug="ledeberg"),
        "nl": Taal.objects.get(slug="nl"),
    }
