"""The next dates of many offers in one bounded query (offer page, handout and API use it)."""

import datetime

from django.utils import timezone

from kalender.models import Moment
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.kalender.conftest import T, maak_activiteit


def test_next_dates_per_offer_in_one_query(partner_a, django_assert_num_queries):
    today = timezone.localdate()

    def dag(n):
        return today + datetime.timedelta(days=n)

    druk = partner_a.offer
    rustig = publish(AanbodPageFactory(parent=partner_a.organisatie, title="Rustig aanbod"))
    leeg = publish(AanbodPageFactory(parent=partner_a.organisatie, title="Zonder data"))
    maak_activiteit(
        partner_a.organisatie, "Elke dag", aanbod=druk,
        data=[(dag(n), T(9), T(10)) for n in range(1, 40)] + [(dag(-2), T(9), T(10))],
    )  # fmt: skip
    maak_activiteit(partner_a.organisatie, "Later", aanbod=rustig, data=[(dag(30), T(14), None)])
    maak_activiteit(partner_a.organisatie, "Eerder", aanbod=rustig, data=[(dag(3), T(14), None)])
    concept = maak_activiteit(
        partner_a.organisatie, "Concept", aanbod=rustig, data=[(dag(1), T(8), None)]
    )
    concept.unpublish()

    # One for the moments, one for Wagtail's view restrictions (zichtbaar() = live and public).
    with django_assert_num_queries(2):
        result = Moment.objects.zichtbaar().volgende_per_aanbod([druk.pk, rustig.pk, leeg.pk], 3)
        titels = {pk: [m.activiteit.title for m in momenten] for pk, momenten in result.items()}
    assert [m.lokale_start.date() for m in result[druk.pk]] == [dag(1), dag(2), dag(3)]
    assert titels == {
        druk.pk: ["Elke dag"] * 3, rustig.pk: ["Eerder", "Later"], leeg.pk: [],
    }  # fmt: skip
    assert Moment.objects.volgende_per_aanbod([], 3) == {}
