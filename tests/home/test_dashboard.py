"""The admin home (/admin/): a partner sees its own offers, what is due, open reports and its
referral counts; never another organisation's. The coordinator sees what waits city-wide."""

import re

from django.utils import timezone

import pytest
from dateutil.relativedelta import relativedelta

from aanbod.models import AanbodPage
from doorverwijzing.enums import MeldingStatus, Soort
from doorverwijzing.models import Correctiemelding, Telling, eerste_van_de_maand
from tests.aanbod.factories import AanbodPageFactory, publish

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"


def dashboard(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def panel(html, panel_id):
    """The HTML of one dashboard panel."""
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def nagekeken(page, maanden_geleden):
    dag = timezone.localdate() - relativedelta(months=maanden_geleden, days=1)
    AanbodPage.objects.filter(pk=page.pk).update(laatst_nagekeken=dag)
    return dag


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def test_anonymous_visitor_is_sent_to_the_login_page(client, partner_a):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_partner_sees_each_own_offer_with_its_state_and_an_edit_link(client, partner_a):
    organisatie = partner_a.organisatie
    concept = AanbodPageFactory(parent=organisatie, title="Kookclub in opbouw", live=False)
    ingediend = publish(AanbodPageFactory(parent=organisatie, title="Wandelen op maandag"))
    ingediend.title = "Wandelen op maandag en donderdag"
    submit(ingediend, partner_a.user)
    nieuw_concept = publish(AanbodPageFactory(parent=organisatie, title="Yoga voor senioren"))
    nieuw_concept.in_het_kort = "Nieuwe tekst."
    nieuw_concept.save_revision(user=partner_a.user)

    rijen = text(panel(dashboard(client, partner_a.user), "jouw-aanbod"))

    assert "4 aanbod van WGC Alfa" in rijen
    assert f"{partner_a.offer.title} Gepubliceerd " in rijen
    assert "Kookclub in opbouw Concept, niet gepubliceerd nog nooit" in rijen
    # The title as submitted: the partner recognises what they last wrote.
    assert "Wandelen op maandag en donderdag Wacht op goedkeuring" in rijen
    assert "Yoga voor senioren Gepubliceerd, met een nieuw concept" in rijen
    html = dashboard(client, partner_a.user)
    for page in (partner_a.offer, concept, ingediend, nieuw_concept):
        assert f'href="/admin/pages/{page.pk}/edit/"' in panel(html, "jouw-aanbod")
    add = f'href="/admin/pages/add/aanbod/aanbodpage/{organisatie.pk}/"'
    assert add in panel(html, "jouw-aanbod")


def test_due_offers_are_listed_oldest_first_with_a_check_link(client, partner_a):
    vers = partner_a.offer
    nagekeken(vers, 2)
    half_jaar = publish(AanbodPageFactory(parent=partner_a.organisatie, title="Rookstop"))
    nagekeken(half_jaar, 6)
    jaar = publish(AanbodPageFactory(parent=partner_a.organisatie, title="Mondzorg"))
    nagekeken(jaar, 12)
    # A draft that was never published is not due: nobody outside can see it yet.
    AanbodPageFactory(parent=partner_a.organisatie, title="Nog geen aanbod", live=False)

    html = panel(dashboard(client, partner_a.user), "na-te-kijken")

    assert vers.title not in html
    assert "Nog geen aanbod" not in html
    rijen = text(html)
    assert rijen.index("Mondzorg") < rijen.index("Rookstop")
    assert "Mondzorg Mogelijk niet meer actueel" in rijen
    assert "Rookstop Mogelijk niet meer actueel" not in rijen
    for page in (half_jaar, jaar):
        assert f'href="/admin/pages/{page.pk}/edit/" aria-label="Nakijken: {page.title}"' in html


def test_nothing_due_says_so(client, partner_a):
    nagekeken(partner_a.offer, 1)
    assert "Alles is nagekeken" in panel(dashboard(client, partner_a.user), "na-te-kijken")


def test_open_reports_about_own_offers_are_listed_with_a_link(client, partner_a):
    open_ = Correctiemelding.objects.create(
        aanbod=partner_a.offer, aanbod_titel=partner_a.offer.title, bericht="Het uur klopt niet."
    )
    Correctiemelding.objects.create(
        aanbod=partner_a.offer, aanbod_titel=partner_a.offer.title,
        bericht="Al opgelost bericht.", status=MeldingStatus.OPGELOST,
    )  # fmt: skip

    html = panel(dashboard(client, partner_a.user), "open-meldingen")

    assert "Er is 1 melding" in text(html)
    assert "Het uur klopt niet." in html
    assert "Al opgelost bericht." not in html
    assert f'href="/admin/correctiemeldingen/edit/{open_.pk}/"' in html


def test_referral_counts_per_month_and_per_offer(client, partner_a):
    deze_maand = eerste_van_de_maand()
    vorige_maand = deze_maand - relativedelta(months=1)
    lang_geleden = deze_maand - relativedelta(months=8)
    offer = partner_a.offer
    for maand, soort, aantal in [
        (deze_maand, Soort.FICHE, 3),
        (deze_maand, Soort.GIDS, 2),
        (vorige_maand, Soort.GEMAILD, 5),
        (lang_geleden, Soort.GEDEELD, 99),
    ]:
        Telling.objects.create(aanbod=offer, maand=maand, soort=soort, aantal=aantal)

    rijen = text(panel(dashboard(client, partner_a.user), "doorverwijzingen"))

    # Columns: fiche, gedeeld, gemaild, gids, samen.
    assert "Deze maand (" in rijen and " 3 0 0 2 5 " in rijen
    assert " 0 0 5 0 5 " in rijen
    assert f"{offer.title} 3 0 5 2 10 " in rijen
    assert "99" not in rijen  # older than the six months shown


def test_partner_a_never_sees_b_offers_reports_or_counts(client, partner_a, partner_b):
    b = partner_b.offer
    b_concept = AanbodPageFactory(
        parent=partner_b.organisatie, title="Geheim concept Beta", live=False
    )
    nagekeken(b, 13)
    Correctiemelding.objects.create(aanbod=b, aanbod_titel=b.title, bericht="Melding over Beta.")
    Telling.objects.create(aanbod=b, maand=eerste_van_de_maand(), soort=Soort.FICHE, aantal=4711)
    nagekeken(partner_a.offer, 1)

    html = dashboard(client, partner_a.user)

    for geheim in (b.title, b_concept.title, "Melding over Beta.", "4711", "WGC Beta"):
        assert geheim not in html
    for page in (b, b_concept):
        assert f"/admin/pages/{page.pk}/" not in html
    assert "Er zijn geen open meldingen" in text(panel(html, "open-meldingen"))
    assert "Alles is nagekeken" in panel(html, "na-te-kijken")
    # And B's own dashboard does show them: the test above could not pass by showing nothing.
    html_b = dashboard(client, partner_b.user)
    for zichtbaar in (b.title, b_concept.title, "Melding over Beta.", "4711"):
        assert zichtbaar in html_b


def test_coordinator_sees_what_waits_city_wide(client, partner_a, partner_b, coordinator):
    nagekeken(partner_a.offer, 7)
    nagekeken(partner_b.offer, 13)
    publish(AanbodPageFactory(parent=partner_b.organisatie, title="Vers"))
    ingediend = publish(AanbodPageFactory(parent=partner_a.organisatie, title="Ingediend"))
    submit(ingediend, partner_a.user)
    Correctiemelding.objects.create(aanbod=partner_b.offer, aanbod_titel="x", bericht="y")

    html = dashboard(client, coordinator)

    assert 'id="jouw-aanbod-section"' not in html
    rijen = text(panel(html, "coordinator-overzicht"))
    assert "wacht op goedkeuring 1 " in rijen
    assert "Open meldingen 'Klopt er iets niet?' 1 " in rijen
    assert "Gepubliceerd aanbod in heel Gent 4 " in rijen
    # Ingediend and Vers were checked when published; A's offer is due, B's also stale.
    assert "Daarvan na te kijken (niet nagekeken in 6 maanden) 2 " in rijen
    assert "Daarvan mogelijk niet meer actueel (niet nagekeken in 12 maanden) 1 " in rijen


def test_partner_dashboard_queries_do_not_grow_with_30_offers(
    client, partner_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def vul_aan_tot(aantal):
        """Offers like a busy partner's: due, counted, reported, some submitted."""
        for n in range(AanbodPage.objects.child_of(partner_a.organisatie).count(), aantal):
            page = publish(AanbodPageFactory(parent=partner_a.organisatie, title=f"Aanbod {n:02}"))
            nagekeken(page, 7 + n % 7)
            Telling.objects.create(aanbod=page, maand=eerste_van_de_maand(), soort=Soort.FICHE)
            for _ in range(3):
                Correctiemelding.objects.create(aanbod=page, aanbod_titel=page.title, bericht="z")
            if n % 5 == 1:
                submit(page, partner_a.user)

    client.force_login(partner_a.user)
    vul_aan_tot(5)
    with CaptureQueriesContext(connection) as vijf:
        assert client.get(DASHBOARD).status_code == 200
    vul_aan_tot(30)

    with django_assert_max_num_queries(len(vijf.captured_queries)):
        html = client.get(DASHBOARD).content.decode()
    assert "30 aanbod van WGC Alfa" in text(html)
    assert "Aanbod 29" in panel(html, "na-te-kijken")
    assert "Er zijn 87 meldingen" in text(html)
