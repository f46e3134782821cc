"""Who sees which report: a partner its own organisation's, the coordinator all of them."""

from doorverwijzing.enums import MeldingStatus
from doorverwijzing.meldingen import open_meldingen_voor
from doorverwijzing.models import Correctiemelding


def melding(page, **velden):
    velden.setdefault("bericht", "Het uur klopt niet.")
    titel = page.title if page else "Verwijderd aanbod"
    return Correctiemelding.objects.create(aanbod=page, aanbod_titel=titel, **velden)


def test_open_meldingen_per_user(partner_a, partner_b, coordinator, django_user_model):
    a = melding(partner_a.offer)
    a_bezig = melding(partner_a.offer, status=MeldingStatus.IN_BEHANDELING)
    melding(partner_a.offer, status=MeldingStatus.OPGELOST)
    melding(partner_a.offer, status=MeldingStatus.NIET_NODIG)
    b = melding(partner_b.offer)
    verweesd = melding(None)

    assert list(open_meldingen_voor(partner_a.user)) == [a, a_bezig]
    assert list(open_meldingen_voor(partner_b.user)) == [b]
    assert set(open_meldingen_voor(coordinator)) == {a, a_bezig, b, verweesd}

    zonder_rechten = django_user_model.objects.create_user("bezoeker", password="x")
    assert not open_meldingen_voor(zonder_rechten).exists()
    partner_a.user.is_active = False
    partner_a.user.save()
    assert not open_meldingen_voor(partner_a.user).exists()
