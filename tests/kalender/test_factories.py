"""The calendar factories build what editors would: published activities store their moments."""

from kalender.models import Moment
from tests.kalender.factories import ActiviteitPageFactory, MomentFactory


def test_traits_and_moments(partner_a):
    los = ActiviteitPageFactory(parent=partner_a.organisatie, los=True, gepubliceerd=True)
    reeks = ActiviteitPageFactory(parent=partner_a.organisatie, herhaalt=True, gepubliceerd=True)
    concept = ActiviteitPageFactory(parent=partner_a.organisatie, los=True, live=False)
    assert los.momenten.count() == 1 and not los.momenten.get().uit_regel
    assert reeks.momenten.count() == 8
    assert {m.lokale_start.hour for m in reeks.momenten.all()} == {19}
    assert not concept.momenten.exists()
    extra = MomentFactory(activiteit=concept)
    assert Moment.objects.get(pk=extra.pk).einde > extra.start
