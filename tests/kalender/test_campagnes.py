"""Residents find the current and coming campaigns on one page (/kalender/campagnes/), whatever
dates the calendar shows; past, draft and view-restricted campaigns are not there. A campaign's
introduction appears once on its page."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from kalender.models import CampagnePage
from tests.kalender.conftest import maak_campagne
from tests.kalender.factories import CampagnePageFactory

URL = "/kalender/campagnes/"


def _dag(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def campagnes(site_tree):
    return {
        "nu": maak_campagne("Maand van de mondzorg", "mondzorg", _dag(-10), _dag(20)),
        "vandaag-laatste": maak_campagne("Dag van de valpreventie", "val", _dag(-1), _dag(0)),
        "straks": maak_campagne("Week van de beweging", "beweging", _dag(60), _dag(66)),
        "eerst": maak_campagne("Tiendaagse geestelijke gezondheid", "tien", _dag(30), _dag(39)),
        "voorbij": maak_campagne("Dikketruiendag", "truien", _dag(-40), _dag(-1)),
    }


def _main(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_current_and_coming_campaigns_with_their_period_and_link(client, campagnes):
    response = client.get(URL)
    assert response.status_code == 200
    html = _main(response.content.decode())
    nu, straks = html.split('id="campagnes-straks"')
    assert "Maand van de mondzorg" in nu and "Dag van de valpreventie" in nu
    assert "Week van de beweging" not in nu
    # Coming ones the first to start first, each linked, with its period.
    assert straks.index("Tiendaagse geestelijke") < straks.index("Week van de beweging")
    assert f'href="{campagnes["straks"].url}"' in straks
    einde = campagnes["straks"].einde
    assert f"tot en met {einde.day} " in straks
    # One that ended yesterday is not shown, though it was a campaign.
    assert "Dikketruiendag" not in html


@pytest.mark.django_db
def test_a_coming_campaign_is_there_though_the_calendar_shows_no_dates_of_it(client, campagnes):
    kalender = client.get("/kalender/").content.decode()
    assert "Week van de beweging" not in kalender  # no activity in the visible period
    assert f'href="{URL}"' in kalender
    assert "Week van de beweging" in client.get(URL).content.decode()


@pytest.mark.django_db
def test_draft_and_restricted_campaigns_stay_hidden(client, campagnes):
    CampagnePageFactory(
        title="Geheime campagne", slug="geheim", start=_dag(1), einde=_dag(5), live=False
    )
    besloten = maak_campagne("Besloten campagne", "besloten", _dag(1), _dag(5))
    PageViewRestriction.objects.create(page=besloten, restriction_type="login")
    html = client.get(URL).content.decode()
    assert "Geheime campagne" not in html and "/geheim/" not in html
    assert "Besloten campagne" not in html and "/besloten/" not in html


@pytest.mark.django_db
def test_no_campaigns_is_said_plainly(client, site_tree):
    html = client.get(URL).content.decode()
    assert "Er loopt nu geen campagne." in html
    assert "Er staat nog geen nieuwe campagne gepland." in html


@pytest.mark.django_db
def test_campagnes_is_no_campaign_slug(site_tree):
    campagne = CampagnePage(title="X", slug="campagnes", in_het_kort="X.", start=_dag(1),
                            einde=_dag(2))  # fmt: skip
    with pytest.raises(ValidationError):
        campagne.clean()


@pytest.mark.parametrize(
    ("beschrijving", "rest"),
    [
        # The demo's way: the description repeats the introduction (and nothing more).
        ("<p>Poets je tanden elke dag.</p>", None),
        ("<p> Poets je  tanden elke dag. </p><p>Meer uitleg volgt.</p>", "Meer uitleg volgt."),
        ("<p>Iets anders.</p>", "Iets anders."),
    ],
)
@pytest.mark.django_db
def test_the_introduction_appears_once_on_the_campaign_page(client, site_tree, beschrijving, rest):
    campagne = maak_campagne(
        "Maand van de mondzorg", "mondzorg", _dag(-1), _dag(20),
        in_het_kort="Poets je tanden elke dag.", beschrijving=beschrijving,
    )  # fmt: skip
    html = _main(client.get(campagne.url).content.decode())
    assert html.count("Poets je tanden elke dag.") == 1
    if rest:
        assert rest in html


@pytest.mark.django_db
def test_the_overview_costs_the_same_queries_for_one_or_many_campaigns(client, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    maak_campagne("Eén", "een", _dag(1), _dag(2))
    client.get(URL)  # warm the site-root cache
    with CaptureQueriesContext(connection) as een:
        client.get(URL)
    for n in range(4):
        maak_campagne(f"Campagne {n}", f"campagne-{n}", _dag(n + 3), _dag(n + 9))
    with CaptureQueriesContext(connection) as vijf:
        html = client.get(URL).content.decode()
    assert html.count('class="campagne-item"') == 5
    assert len(vijf) == len(een)
