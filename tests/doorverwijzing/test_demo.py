from doorverwijzing.demo import GIDSEN, laad_gezondheidsgidsen
from doorverwijzing.meldingen import open_meldingen_voor
from doorverwijzing.models import Aanvraag, Correctiemelding, Gezondheidsgids


def test_demo_gidsen_are_idempotent(site_tree):
    assert laad_gezondheidsgidsen() == len(GIDSEN)
    assert laad_gezondheidsgidsen() == 0
    assert Gezondheidsgids.objects.count() == len(GIDSEN)
    assert Aanvraag.objects.count() == 1
    fatima = Gezondheidsgids.objects.get(naam="Fatima (demo)")
    assert set(fatima.talen.values_list("slug", flat=True)) == {"ar", "nl", "fr"}


def test_demo_report_is_about_the_partners_offer_and_idempotent(partner_a, partner_b):
    """Without a Rabot organisation it takes the first live offer; once only."""
    laad_gezondheidsgidsen()
    laad_gezondheidsgidsen()
    melding = Correctiemelding.objects.get()
    assert melding.aanbod is not None and melding.aanbod.live
    eigenaar = partner_a if melding.aanbod_id == partner_a.offer.pk else partner_b
    assert list(open_meldingen_voor(eigenaar.user)) == [melding]
