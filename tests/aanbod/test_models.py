import datetime

from django.core.exceptions import ValidationError

import pytest

from aanbod.models import AanbodPage, OrganisatiePage
from tests.aanbod.factories import AanbodPageFactory, publish


def test_vocabularies_are_loaded_with_ghent_spelling(db):
    from aanbod.data.vocabularies import WIJKEN
    from aanbod.models import Taal, Thema, Toegankelijkheid, Wijk

    assert Wijk.objects.count() == 25
    assert set(Wijk.objects.values_list("label", flat=True)) == {label for _s, label in WIJKEN}
    assert Wijk.objects.filter(label="Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels")
    assert Thema.objects.filter(slug="mondzorg").exists()
    assert Taal.objects.get(slug="prs").label == "Dari"
    assert Taal.objects.get(slug="vgt").label == "Vlaamse Gebarentaal"
    assert set(Toegankelijkheid.objects.values_list("groep", flat=True)) == {
        "begrijpbaar", "beschikbaar", "bruikbaar", "bereikbaar",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("velden", "fout_veld"),
    [
        ({"min_leeftijd": 65, "max_leeftijd": 18}, "max_leeftijd"),
        ({"prijs": ["betalend"], "bedrag": None}, "bedrag"),
        ({"prijs": ["gratis"], "bedrag": 45}, "bedrag"),  # "Gratis" never next to "€ 45"
        ({"in_het_kort": "x" * 301}, "in_het_kort"),
        ({"inschrijving_telefoon": "bel me"}, "inschrijving_telefoon"),
        ({"inschrijving_email": "geen-adres"}, "inschrijving_email"),
        ({"inschrijving_link": "javascript:alert(1)"}, "inschrijving_link"),
        ({"vormen": ["teleportatie"]}, "vormen"),
    ],
)
def test_invalid_offer_is_refused_with_a_dutch_message(partner_a, velden, fout_veld):
    offer = partner_a.offer
    for name, value in velden.items():
        setattr(offer, name, value)
    with pytest.raises(ValidationError) as exc:
        offer.full_clean()
    assert fout_veld in exc.value.message_dict
    message = " ".join(exc.value.message_dict[fout_veld])
    assert "must" not in message and "Ensure" not in message  # Dutch, not English


def test_betalend_with_amount_is_valid(partner_a):
    offer = partner_a.offer
    offer.prijs, offer.bedrag = ["betalend"], 12
    offer.full_clean()


def test_laatst_nagekeken_is_set_on_publish(partner_a):
    offer = AanbodPage.objects.get(pk=partner_a.offer.pk)
    assert offer.laatst_nagekeken is not None
    # An explicit date chosen by the editor survives publishing.
    offer.laatst_nagekeken = datetime.date(2026, 1, 15)
    publish(offer)
    assert AanbodPage.objects.get(pk=offer.pk).laatst_nagekeken == datetime.date(2026, 1, 15)
    # Publishing again without touching the date means: checked today.
    offer = AanbodPage.objects.get(pk=offer.pk)
    offer.title = "Nieuwe titel"
    publish(offer)
    from django.utils import timezone

    fresh = AanbodPage.objects.get(pk=offer.pk)
    assert fresh.laatst_nagekeken == timezone.localdate()
    assert fresh.get_latest_revision_as_object().laatst_nagekeken == timezone.localdate()


def test_zichtbaar_excludes_drafts_unpublished_and_expired(partner_a):
    parent = partner_a.organisatie
    draft = AanbodPageFactory(parent=parent, title="Concept", live=False)
    expired = publish(
        AanbodPageFactory(parent=parent, title="Afgelopen", einddatum=datetime.date(2020, 1, 1))
    )
    ends_today = publish(
        AanbodPageFactory(
            parent=parent, title="Vandaag laatste dag", einddatum=datetime.date.today()
        )
    )
    visible = set(AanbodPage.objects.zichtbaar().values_list("pk", flat=True))
    assert partner_a.offer.pk in visible
    assert ends_today.pk in visible
    assert draft.pk not in visible
    assert expired.pk not in visible


def test_address_in_one_line_for_organisations_and_activities(db):
    from kalender.models import ActiviteitPage

    for model in (OrganisatiePage, ActiviteitPage):
        page = model(straat_nummer="Sleepstraat 10", postcode="9000", gemeente="Gent")
        assert page.adres == "Sleepstraat 10, 9000 Gent"
        assert model(straat_nummer="", postcode="", gemeente="").adres == ""
        assert model(straat_nummer="", postcode="", gemeente="Gent").adres == "Gent"
