"""factory_boy factories for the calendar's pages and moments, like tests/factories.py for offers.

Pages are created under their parent like editors do; pass `gepubliceerd=True` to publish through
a revision (as the coordinator would), which also stores the activity's moments.
"""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from kalender.enums import Herhaling
from kalender.models import (
    ActiviteitDatum,
    ActiviteitPage,
    ActiviteitUitzondering,
    CampagnePage,
    KalenderIndexPage,
    Moment,
)

T = datetime.time


def _over(dagen):
    return timezone.localdate() + datetime.timedelta(days=dagen)


class _Publiceerbaar(wagtail_factories.PageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def gepubliceerd(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()
            obj.refresh_from_db()


class KalenderIndexPageFactory(_Publiceerbaar):
    class Meta:
        model = KalenderIndexPage

    title = "Kalender"
    intro = "Activiteiten en campagnes rond gezondheid in Gent."


class CampagnePageFactory(_Publiceerbaar):
    """A campaign of a month from next week, under the one calendar page."""

    class Meta:
        model = CampagnePage

    parent = factory.LazyFunction(KalenderIndexPage.objects.get)
    title = factory.Sequence(lambda n: f"Campagne {n}")
    in_het_kort = factory.LazyAttribute(lambda o: f"{o.title} in Gent.")
    start = factory.LazyFunction(lambda: _over(7))
    einde = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(days=30))


class ActiviteitPageFactory(_Publiceerbaar):
    """An activity; `data` are explicit dates as (day, start, end), `afgelast` cancelled days.

    Traits: `los` (one date next week, 14-16 u), `herhaalt` (every Tuesday 19-21 u, 8 times).
    Vocabulary relations can be passed as lists (themas=[...], wijken=[...]).
    """

    class Meta:
        model = ActiviteitPage

    class Params:
        data = ()
        afgelast = ()
        los = factory.Trait(data=factory.LazyFunction(lambda: [(_over(7), T(14), T(16))]))
        herhaalt = factory.Trait(
            herhaling=Herhaling.WEKELIJKS,
            eerste_dag=factory.LazyFunction(lambda: _over((1 - _over(0).weekday()) % 7 or 7)),
            start_tijd=T(19),
            eind_tijd=T(21),
            herhaal_aantal=8,
        )

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    in_het_kort = factory.LazyAttribute(lambda o: f"{o.title}: kom gerust langs.")
    losse_data = factory.LazyAttribute(
        lambda o: [ActiviteitDatum(datum=d, start_tijd=s, eind_tijd=e) for d, s, e in o.data]
    )
    uitzonderingen = factory.LazyAttribute(
        lambda o: [ActiviteitUitzondering(datum=d) for d in o.afgelast]
    )


class MomentFactory(factory.django.DjangoModelFactory):
    """A stored moment of a given activity (`activiteit=...`), tomorrow at ten, for an hour."""

    class Meta:
        model = Moment

    start = factory.LazyFunction(
        lambda: datetime.datetime.combine(_over(1), T(10), tzinfo=timezone.get_current_timezone())
    )
    einde = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
