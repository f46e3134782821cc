"""The admin page "Insluiten op je website": a partner chooses among their own organisations
only and copies one snippet; the coordinator chooses among all; others get nothing."""

import html
import re

from django.contrib.auth.models import Group

import pytest

from aanbod.partners import maak_gebruiker
from preventiezoeker.permissions import permission

pytestmark = pytest.mark.django_db
URL = "/admin/insluiten/"


def snippet(response):
    found = re.search(
        r'<textarea id="insluitcode".*?data-w-clipboard-target="value">(.*?)</textarea>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(found.group(1)) if found else None


def keuzes(response, naam):
    select = re.search(
        rf'<select name="{naam}"[^>]*>(.*?)</select>', response.content.decode(), re.S
    )
    return re.findall(r'<option value="([^"]+)"', select.group(1))


def test_a_partner_sees_only_their_own_organisation_and_its_snippet_at_once(
    client, partner_a, partner_b
):
    client.force_login(partner_a.user)
    response = client.get(URL)
    assert response.status_code == 200
    assert keuzes(response, "organisatie") == ["wgc-alfa"]
    code = snippet(response)
    assert '<iframe src="http://testserver/insluiten/organisatie/wgc-alfa/"' in code
    assert 'title="Aanbod van WGC Alfa – Preventiezoeker Gent"' in code
    assert "data-preventiezoeker" in code
    assert '<script src="http://testserver/static/insluiten/insluiten.js" async></script>' in code
    # The fallback link: the organisation's full page, in a new tab.
    assert '<a href="http://testserver/aanbod/wgc-alfa/" target="_blank" rel="noopener">' in code
    # The live preview frames the same embed.
    assert 'id="insluiten-voorbeeld"' in response.content.decode()


def test_a_partner_cannot_get_another_organisations_snippet(client, partner_a, partner_b):
    client.force_login(partner_a.user)
    response = client.get(URL, {"wat": "organisatie", "organisatie": "wgc-beta", "taal": "nl"})
    assert response.status_code == 200
    assert snippet(response) is None
    assert "wgc-beta" not in response.content.decode()
    assert "WGC Beta" not in response.content.decode()


def test_the_coordinator_chooses_among_all_organisations(client, coordinator, partner_a, partner_b):
    client.force_login(coordinator)
    response = client.get(URL)
    assert keuzes(response, "organisatie") == ["wgc-alfa", "wgc-beta"]
    assert snippet(response) is None  # more than one: nothing chosen yet
    response = client.get(URL, {"wat": "organisatie", "organisatie": "wgc-beta", "taal": "nl"})
    assert "/insluiten/organisatie/wgc-beta/" in snippet(response)


def test_a_theme_and_wijk_in_french_in_the_plain_style(client, coordinator, partner_a):
    client.force_login(coordinator)
    response = client.get(
        URL,
        {"wat": "aanbod", "thema": "mondzorg", "wijk": "ledeberg", "taal": "fr", "eenvoudig": "on"},
    )
    code = snippet(response)
    assert (
        '<iframe src="http://testserver/fr/insluiten/aanbod/?thema=mondzorg&amp;wijk=ledeberg'
        '&amp;stijl=eenvoudig"' in code
    )
    assert '<a href="http://testserver/fr/aanbod/?thema=mondzorg&amp;wijk=ledeberg"' in code


def test_a_campaign_calendar(client, coordinator, embed_data):
    client.force_login(coordinator)
    response = client.get(
        URL, {"wat": "campagne", "campagne": "week-van-de-valpreventie", "taal": "nl"}
    )
    code = snippet(response)
    assert 'src="http://testserver/insluiten/campagne/week-van-de-valpreventie/"' in code
    assert 'href="http://testserver/kalender/week-van-de-valpreventie/"' in code
    # A campaign must be chosen.
    response = client.get(URL, {"wat": "campagne", "taal": "nl"})
    assert snippet(response) is None
    assert "Kies een campagne." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"wat": "iets"},
        {"wat": "organisatie", "organisatie": "x" * 5000},
        {"wat": "aanbod", "thema": "bestaat-niet"},
        {"wat": "aanbod", "taal": "xx"},
        {"wat": "campagne", "campagne": "\x00"},
    ],
)
def test_bad_choices_show_the_form_again(client, coordinator, partner_a, query):
    client.force_login(coordinator)
    response = client.get(URL, query)
    assert response.status_code == 200
    assert snippet(response) is None
    assert 'class="error-message"' in response.content.decode()


def test_partner_text_is_escaped_in_the_snippet(client, partner_a):
    org = partner_a.organisatie
    org.title = 'WGC "Alfa" <script>x()</script>'
    org.save_revision().publish()
    client.force_login(partner_a.user)
    response = client.get(URL)
    page = response.content.decode()
    assert "<script>x()</script>" not in page
    code = snippet(response)
    assert 'title="Aanbod van WGC &quot;Alfa&quot; &lt;script&gt;x()&lt;/script&gt;' in code


def test_the_menu_item_for_partners_and_coordinators_only(client, partner_a, coordinator):
    client.force_login(partner_a.user)
    assert "Insluiten op je website" in client.get("/admin/").content.decode()
    client.force_login(coordinator)
    assert "Insluiten op je website" in client.get("/admin/").content.decode()
    # An admin user without any page rights: no menu item, no page.
    groep = Group.objects.create(name="Alleen beheer")
    groep.permissions.add(permission("wagtailadmin", "access_admin"))
    anders = maak_gebruiker("anders", "anders@example.org", groep)
    client.force_login(anders)
    assert "Insluiten op je website" not in client.get("/admin/").content.decode()
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_anonymous_visitors_go_to_the_login(client, partner_a):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_organisations_edit_view_links_to_its_snippet(client, partner_a, partner_b):
    link = "/admin/insluiten/?wat=organisatie&amp;organisatie=wgc-alfa&amp;taal=nl"
    client.force_login(partner_a.user)
    assert link in client.get(f"/admin/pages/{partner_a.organisatie.pk}/edit/").content.decode()
    # Not on an offer's page.
    assert (
        "/admin/insluiten/?"
        not in client.get(f"/admin/pages/{partner_a.offer.pk}/edit/").content.decode()
    )
