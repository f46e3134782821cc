from django.template.loader import render_to_string

from tests.aanbod.factories import publish


def test_home_page_lists_themes_with_counts_and_a_search_form(client, partner_a):
    html = client.get("/").content.decode()
    assert '<html lang="nl" dir="ltr">' in html
    assert 'action="/aanbod/"' in html and 'name="q"' in html
    assert "Mondzorg" in html and "/aanbod/?thema=mondzorg" in html
    assert partner_a.offer.title in html


def test_demo_notice_follows_the_site_setting(client, site_tree):
    from wagtail.models import Site

    from home.models import SiteInstellingen

    assert "Voorbeeldgegevens" not in client.get("/").content.decode()
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.voorbeeldgegevens = True
    instellingen.save()
    assert "Voorbeeldgegevens" in client.get("/").content.decode()


def test_unknown_url_gives_a_dutch_404(client, site_tree):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_500_page_is_standalone_and_dutch():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and 'lang="nl"' in html


def test_offer_page_shows_blocks_only_when_filled(client, partner_a):
    offer = partner_a.offer
    offer.prijs, offer.bedrag = ["betalend"], 7.5
    offer.prijs_toelichting = "Met UiTPAS betaal je 1,50 euro."
    offer.contactpersoon = ""
    publish(offer)
    html = client.get(offer.url).content.decode()
    assert "Wat kost het" in html and "€ 7,50" in html and "UiTPAS" in html
    assert "Voor wie" not in html  # no doelgroep or age: the block is left out
    assert "n.v.t." not in html
    assert "Laatst nagekeken op" in html


def test_organisation_page_lists_only_its_own_offers(client, partner_a, partner_b):
    html = client.get(partner_a.organisatie.url).content.decode()
    assert partner_a.offer.title in html
    assert partner_b.offer.title not in html


def test_offer_list_paginates_and_keeps_other_parameters(client, partner_a, settings, tmp_path):
    from preventiezoeker.search import reset_backend
    from preventiezoeker.search.sync import rebuild
    from tests.aanbod.factories import AanbodPageFactory

    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    for n in range(21):
        publish(AanbodPageFactory(parent=partner_a.organisatie, title=f"Extra aanbod {n:02d}"))
    rebuild()
    html = client.get("/aanbod/?thema=beweging").content.decode()
    assert "22 aanbod gevonden" in html
    assert 'href="?thema=beweging&amp;page=2"' in html
    page2 = client.get("/aanbod/?thema=beweging&page=2").content.decode()
    assert "Extra aanbod 20" in page2 and "Extra aanbod 00" not in page2
    assert client.get("/aanbod/?page=abc").status_code == 200
    assert client.get("/aanbod/?page=999999999999").status_code == 200
    reset_backend()


def _beweging_count(client):
    import re

    html = client.get("/").content.decode()
    match = re.search(r'\?thema=beweging"><strong>[^<]*</strong> <span class="count">\((\d+)', html)
    return int(match.group(1))


def test_home_theme_counts_leave_out_offers_under_a_restricted_organisation(client, partner_a):
    """Counts are an output too: the one visibility rule (zichtbaar) decides what they count."""
    from wagtail.models import PageViewRestriction

    assert _beweging_count(client) == 1
    PageViewRestriction.objects.create(
        page=partner_a.organisatie, restriction_type="password", password="geheim"
    )
    assert _beweging_count(client) == 0
