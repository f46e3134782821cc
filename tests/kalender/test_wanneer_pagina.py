"""One truth for "when": the offer page, the handout and the editor take the days and hours from
the offer's visible dated activities, and the schedule text only where it does not contradict."""

import datetime
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.models import AanbodPage
from kalender.enums import Herhaling
from kalender.herhaling import TZ
from kalender.wanneer import wanneer_per_aanbod
from tests.aanbod.factories import publish
from tests.kalender.conftest import D, T, maak_activiteit
from tests.kalender.factories import ActiviteitPageFactory

ROOKSTOP_TEKST = "Acht woensdagen vanaf 15 januari, 18.30–20 uur"


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def volgende_dinsdag():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)


def met_planning(offer, tekst):
    offer.planning = tekst
    return publish(offer)


def dinsdagen(organisatie, offer, eerste, keer=8, **velden):
    return maak_activiteit(
        organisatie, "Rookstopgroep: acht avonden", aanbod=offer,
        herhaling=Herhaling.WEKELIJKS, eerste_dag=eerste, start_tijd=T(19), eind_tijd=T(21),
        herhaal_aantal=keer, **velden,
    )  # fmt: skip


def test_the_rookstop_example(partner_a):
    """The issue's case: the text says Wednesdays 18.30-20, the dates are Tuesdays 19-21."""
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    dinsdagen(partner_a.organisatie, offer, D(2026, 12, 1))
    voor = datetime.datetime(2026, 11, 20, 12, tzinfo=TZ)
    wanneer = wanneer_per_aanbod([offer], now=voor)[offer.pk]
    assert wanneer.regels == [
        "Elke dinsdag, 19.00 tot 21.00 uur: 8 keer, van 1 december tot 19 januari 2027"
    ]
    assert not wanneer.toon_planning
    assert len(wanneer.oordeel.tegenspraak) == 2
    # Once the group has started, the page says what is left.
    later = datetime.datetime(2026, 12, 2, 12, tzinfo=TZ)
    assert wanneer_per_aanbod([offer], now=later)[offer.pk].regels == [
        "Elke dinsdag, 19.00 tot 21.00 uur: nog 7 keer, van 8 december tot 19 januari 2027"
    ]


def test_one_date_and_two_slots(partner_a):
    offer = partner_a.offer
    maak_activiteit(
        partner_a.organisatie, "Infoavond", aanbod=offer,
        data=[(D(2027, 3, 4), T(19, 30), T(21)), (D(2027, 3, 6), T(10), T(12))],
    )  # fmt: skip
    now = datetime.datetime(2027, 1, 10, tzinfo=TZ)
    assert wanneer_per_aanbod([offer], now=now)[offer.pk].regels == [
        "Donderdag 4 maart, 19.30 tot 21.00 uur",
        "Zaterdag 6 maart, 10.00 tot 12.00 uur",
    ]


def test_offer_page_takes_days_and_hours_from_the_activities(client, partner_a):
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    dinsdagen(partner_a.organisatie, offer, volgende_dinsdag())
    html = plain(client.get(offer.url).content.decode())
    assert "Elke dinsdag, 19.00 tot 21.00 uur: 8 keer" in html
    assert ROOKSTOP_TEKST not in html  # it contradicts the dates: left out

    # A text that agrees stays, as a supplement.
    met_planning(offer, "Acht dinsdagen, van 19 tot 21 uur. Kom op tijd.")
    html = plain(client.get(offer.url).content.decode())
    assert "Elke dinsdag, 19.00 tot 21.00 uur: 8 keer" in html
    assert "Acht dinsdagen, van 19 tot 21 uur. Kom op tijd." in html


def test_without_dates_the_schedule_text_is_all_there_is(client, partner_a):
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    assert ROOKSTOP_TEKST in plain(client.get(offer.url).content.decode())


def test_handout_takes_days_and_hours_from_the_activities(client, partner_a):
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    eerste = volgende_dinsdag()
    dinsdagen(partner_a.organisatie, offer, eerste)
    url = reverse("doorverwijzing:fiche", args=[offer.pk])
    html = plain(client.get(url).content.decode())
    assert "Elke dinsdag, 19.00 tot 21.00 uur: 8 keer" in html
    assert ROOKSTOP_TEKST not in html
    # In French the whole line is French (gettext and Django's French day and month names).
    with translation.override("fr"):
        van = date_format(eerste, "j F")
    html = plain(client.get(url, {"taal": "fr"}).content.decode())
    assert f"Chaque mardi, de 19:00 à 21:00 : 8 fois, du {van} au" in html
    assert ROOKSTOP_TEKST not in html


def _verborgen_activiteiten(partner_a, offer):
    """A draft, an unpublished and a restricted activity on Wednesdays 18.30-20, all linked."""
    eerste = volgende_dinsdag() + datetime.timedelta(days=1)
    velden = {
        "aanbod": offer, "herhaling": Herhaling.WEKELIJKS, "eerste_dag": eerste,
        "start_tijd": T(18, 30), "eind_tijd": T(20), "herhaal_aantal": 8,
    }  # fmt: skip
    ActiviteitPageFactory(parent=partner_a.organisatie, title="Concept", live=False, **velden)
    weg = maak_activiteit(partner_a.organisatie, "Niet meer online", **velden)
    weg.unpublish()
    besloten = maak_activiteit(partner_a.organisatie, "Alleen voor leden", **velden)
    PageViewRestriction.objects.create(page=besloten, restriction_type="login")


def test_hidden_activities_never_shape_when(client, partner_a):
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    _verborgen_activiteiten(partner_a, offer)
    for url in (offer.url, reverse("doorverwijzing:fiche", args=[offer.pk])):
        html = plain(client.get(url).content.decode())
        assert "woensdag, 18.30 tot 20.00 uur" not in html.lower(), url
        assert "18:30–20:00" not in html, url
        assert ROOKSTOP_TEKST in html, url  # nothing visible contradicts the text
    assert wanneer_per_aanbod([offer])[offer.pk].reeksen == []


def test_editor_warns_and_still_saves(partner_a):
    offer = met_planning(partner_a.offer, "Elke dinsdag van 19 tot 21 uur")
    dinsdagen(partner_a.organisatie, offer, volgende_dinsdag())
    client = client_for(partner_a.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[offer.pk])
    html = client.get(edit_url).content.decode()
    assert "data-waarschuwingen" not in html  # text and dates agree: nothing to say

    data = querydict_from_html(html, form_id="page-edit-form")
    data["planning"] = ROOKSTOP_TEKST
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    saved = AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
    assert saved.planning == ROOKSTOP_TEKST  # saved, not blocked
    html = plain(response.content.decode())
    assert "noemt woensdag, maar de data in de kalender vallen op dinsdag" in html
    # The panel under "wanneer" says it too, each time the editor opens the offer.
    html = client.get(edit_url).content.decode()
    assert "data-waarschuwingen" in html
    assert "18.30 tot 20.00 uur, maar de data in de kalender zijn van 19.00 tot 21.00 uur" in html


def test_editor_warning_only_on_the_own_offer(partner_a, partner_b):
    """Partner B cannot open A's offer to read its warnings (nor anything else)."""
    offer = met_planning(partner_a.offer, ROOKSTOP_TEKST)
    dinsdagen(partner_a.organisatie, offer, volgende_dinsdag())
    response = client_for(partner_b.user).get(reverse("wagtailadmin_pages:edit", args=[offer.pk]))
    assert response.status_code == 302  # Wagtail sends a partner without rights away
    assert "data-waarschuwingen" not in response.content.decode()


@pytest.mark.parametrize("tekst", ["", "Kom gerust eens langs"])
def test_no_warning_when_the_text_names_no_days_or_hours(partner_a, tekst):
    offer = met_planning(partner_a.offer, tekst)
    dinsdagen(partner_a.organisatie, offer, volgende_dinsdag())
    html = (
        client_for(partner_a.user)
        .get(reverse("wagtailadmin_pages:edit", args=[offer.pk]))
        .content.decode()
    )
    assert "data-waarschuwingen" not in html
