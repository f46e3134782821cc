"""The calendar shows vocabulary labels in the page's language too (issue 13): an activity's
themes, languages and wijk on its page, and the filter values; the slugs in links stay Dutch."""

from django.utils import translation

import pytest

from tests.kalender.conftest import dinsdag, vocab  # noqa: F401 (fixtures)


def pagina(client, page, taal, query=""):
    with translation.override("nl"):
        url = page.url
    response = client.get(f"/{taal}{url}{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_activity_page_in_french_and_arabic(client, dinsdag):  # noqa: F811
    html = pagina(client, dinsdag, "fr")
    assert "Bouger" in html and "Néerlandais" in html
    html = pagina(client, dinsdag, "ar")
    assert "الحركة والرياضة" in html


@pytest.mark.django_db
def test_calendar_filters_in_french(client, dinsdag):  # noqa: F811
    from kalender.models import KalenderIndexPage

    index = KalenderIndexPage.objects.live().first()
    if index is None:
        pytest.fail("no calendar page in the site tree")
    html = pagina(client, index, "fr", "?van=2026-03-17&tot=2026-04-08")
    assert '<span class="facet-label">Bouger</span>' in html  # the theme filter, in French
    assert 'value="beweging"' in html  # the slug is unchanged
