from doorverwijzing.demo import GIDSEN, laad_gezondheidsgidsen
from doorverwijzing.models import Aanvraag, Gezondheidsgids


def test_demo_gidsen_are_idempotent(site_tree):
    assert laad_gezondheidsgidsen() == len(GIDSEN)
    assert laad_gezondheidsgidsen() == 0
    assert Gezondheidsgids.objects.count() == len(GIDSEN)
    assert Aanvraag.objects.count() == 1
    fatima = Gezondheidsgids.objects.get(naam="Fatima (demo)")
    assert set(fatima.talen.values_list("slug", flat=True)) == {"ar", "nl", "fr"}
