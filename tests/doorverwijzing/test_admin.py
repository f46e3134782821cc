"""The admin side: coordinators match requests and see monthly figures; partners never see
requests, and see only their own offers' referral counts."""

from django.core import mail

import pytest

from aanbod.models import Taal, Wijk
from doorverwijzing.enums import Soort, Status, Taak
from doorverwijzing.models import Aanvraag, Gezondheidsgids, Telling

CIJFERS = "/admin/cijfers/doorverwijzingen/"


@pytest.fixture
def aanvraag(site_tree):
    nieuw = Aanvraag.objects.create(
        organisatie="CAW", naam="Sara", email="sara@caw.example", taak=Taak.HUISBEZOEK,
        dringendheid="deze-week", vraag="Huisbezoek.",
        wijk=Wijk.objects.get(slug="ledeberg"),
    )  # fmt: skip
    nieuw.talen.set(Taal.objects.filter(slug__in=["ar", "tr"]))
    return nieuw


@pytest.fixture
def gidsen(db):
    past = Gezondheidsgids.objects.create(naam="Zeynep")
    past.talen.set(Taal.objects.filter(slug="tr"))
    past.wijken.set(Wijk.objects.filter(slug="ledeberg"))
    ander = Gezondheidsgids.objects.create(naam="Anna")
    ander.talen.set(Taal.objects.filter(slug="nl"))
    return past, ander


@pytest.fixture
def tellingen(partner_a, partner_b):
    Telling.tel([partner_a.offer.pk], Soort.FICHE)
    Telling.tel([partner_b.offer.pk], Soort.GEMAILD)
    Telling.tel([partner_b.offer.pk], Soort.GEMAILD)


def test_partner_cannot_see_requests(client, partner_a, aanvraag):
    client.force_login(partner_a.user)
    for url in (
        "/admin/aanvragen/", f"/admin/aanvragen/edit/{aanvraag.pk}/",
        f"/admin/aanvragen/inspect/{aanvraag.pk}/", "/admin/gezondheidsgidsen/",
        "/admin/aanvragen-per-maand/",
    ):  # fmt: skip
        response = client.get(url)
        # Wagtail answers a permission denied with a redirect to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
        assert "sara@caw.example" not in response.content.decode()
    home = client.get("/admin/").content.decode()
    assert "Aanvragen per maand" not in home and "/admin/aanvragen/" not in home


def test_anonymous_is_sent_to_login(client, aanvraag):
    for url in ("/admin/aanvragen/", "/admin/doorverwijzingen/", "/admin/aanvragen-per-maand/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_coordinator_matches_a_request_and_the_requester_is_mailed(
    client, coordinator, aanvraag, gidsen, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    listing = client.get("/admin/aanvragen/").content.decode()
    assert "Aanvraag" in listing and "CAW" in listing
    url = f"/admin/aanvragen/edit/{aanvraag.pk}/"
    html = client.get(url).content.decode()
    assert "Huisbezoek." in html and "Ledeberg" in html
    # The gids who speaks a client language and works in the wijk comes first.
    eerst = html.index(">Zeynep ✓ past · Turks · Ledeberg<")
    assert eerst < html.index(">Anna · Nederlands · heel Gent<")

    response = client.post(url, {"status": Status.GEKOPPELD, "gids": "", "toelichting": ""})
    assert response.status_code == 200
    assert "Kies eerst een gezondheidsgids." in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"status": Status.GEKOPPELD, "gids": gidsen[0].pk, "toelichting": "Tot snel."}
        )
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.GEKOPPELD and aanvraag.gids == gidsen[0]
    assert mail.outbox[-1].to == ["sara@caw.example"]
    assert "Zeynep" in mail.outbox[-1].body and "Tot snel." in mail.outbox[-1].body


def test_coordinator_cannot_add_requests_by_hand(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/aanvragen/new/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_coordinator_manages_gezondheidsgidsen(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/admin/gezondheidsgidsen/new/",
        {"naam": "Mohamed", "talen": [Taal.objects.get(slug="ar").pk], "beschikbaarheid": "",
         "actief": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Gezondheidsgids.objects.get().naam == "Mohamed"


def test_monthly_figures_moved_to_the_coordinators_figures(client, coordinator, aanvraag):
    # Changed on purpose (issue 14): the coordinator's monthly figures live in Cijfers now.
    client.force_login(coordinator)
    for query in ("", "?formaat=csv"):
        response = client.get("/admin/aanvragen-per-maand/" + query)
        assert (response.status_code, response["Location"]) == (302, CIJFERS)
    html = client.get(CIJFERS).content.decode()
    assert "Ledeberg" in html and "Arabisch" in html and "Turks" in html
    assert "Aanvragen per wijk van de cliënt" in html


def test_partner_sees_only_its_own_counts(client, partner_a, partner_b, tellingen):
    client.force_login(partner_a.user)
    html = client.get("/admin/doorverwijzingen/").content.decode()
    assert f'data-aanbod="{partner_a.offer.pk}"' in html
    assert f'data-aanbod="{partner_b.offer.pk}"' not in html
    assert partner_b.offer.title not in html
    assert "Het aanbod van je eigen organisatie" in html

    client.force_login(partner_b.user)
    html = client.get("/admin/doorverwijzingen/").content.decode()
    assert f'data-aanbod="{partner_b.offer.pk}"' in html
    assert f'data-aanbod="{partner_a.offer.pk}"' not in html


def test_coordinator_is_sent_to_the_figures_with_all_counts(
    client, coordinator, partner_a, partner_b, tellingen
):
    # Changed on purpose (issue 14): the old report sends coordinators to Cijfers.
    client.force_login(coordinator)
    response = client.get("/admin/doorverwijzingen/")
    assert (response.status_code, response["Location"]) == (302, CIJFERS)
    body = client.get(CIJFERS + "?formaat=csv&tabel=per-aanbod").content.decode("utf-8-sig")
    rijen = {r.split(";")[0]: r.split(";")[1:] for r in body.splitlines()[1:]}
    assert rijen[partner_b.offer.title] == ["0", "0", "2", "0", "2"]  # mailed twice
    assert rijen[partner_a.offer.title] == ["1", "0", "0", "0", "1"]


def test_old_report_menu_items_hide_for_coordinators(client, coordinator, partner_a):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert "/admin/doorverwijzingen/" not in html
    assert "/admin/aanvragen-per-maand/" not in html
    assert "/admin/cijfers/doorverwijzingen/" in html
    client.force_login(partner_a.user)
    assert "/admin/doorverwijzingen/" in client.get("/admin/").content.decode()


def test_partner_report_header_has_its_title(client, partner_a, tellingen):
    client.force_login(partner_a.user)
    html = client.get("/admin/doorverwijzingen/").content.decode()
    titel = html.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "Doorverwijzingen per aanbod" in titel and "Home" not in titel


def test_counts_menu_is_shown_to_partners(client, partner_a):
    client.force_login(partner_a.user)
    assert "/admin/doorverwijzingen/" in client.get("/admin/").content.decode()


def test_counts_as_csv_respect_the_partner_scope(client, partner_a, partner_b, tellingen):
    client.force_login(partner_a.user)
    response = client.get("/admin/doorverwijzingen/?formaat=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8-sig")
    assert partner_a.offer.title in body and partner_b.offer.title not in body
    assert body.splitlines()[0].startswith("maand;aanbod;aanbod_id;")


def test_csv_cells_cannot_become_formulas():
    from doorverwijzing.admin_views import veilig

    assert veilig("=HYPERLINK(1)") == "'=HYPERLINK(1)" and veilig("Wandelen") == "Wandelen"
    assert veilig(3) == 3


def test_dashboard_shows_open_requests_to_coordinators_only(
    client, coordinator, partner_a, aanvraag
):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert "Open aanvragen gezondheidsgids" in html and "1 aanvraag wacht" in html
    assert f"/admin/aanvragen/edit/{aanvraag.pk}/" in html
    client.force_login(partner_a.user)
    assert "Open aanvragen gezondheidsgids" not in client.get("/admin/").content.decode()


def test_coordinator_admin_pages_render(client, coordinator, aanvraag, gidsen):
    client.force_login(coordinator)
    for url in (
        "/admin/aanvragen/?status=nieuw", f"/admin/aanvragen/inspect/{aanvraag.pk}/",
        "/admin/gezondheidsgidsen/?actief=true", f"/admin/gezondheidsgidsen/edit/{gidsen[0].pk}/",
        CIJFERS,
    ):  # fmt: skip
        assert client.get(url).status_code == 200, url
