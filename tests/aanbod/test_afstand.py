"""Distance pieces (aanbod/afstand.py): starting points from a wijk, a postcode or a position,
an offer's places, and the distance shown on a card. Bad input gives a notice, never an error."""

import pytest

from aanbod.afstand import (
    POSTCODE_CENTRA,
    WIJK_CENTRA,
    afstand,
    als_tekst,
    km,
    plaatsen,
    vertrekpunt,
)
from aanbod.data.vocabularies import WIJKEN


def test_every_wijk_and_ghent_postcode_has_a_centre_in_ghent():
    assert set(WIJK_CENTRA) == {slug for slug, _label in WIJKEN}
    assert set(POSTCODE_CENTRA) == {
        "9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052",
    }  # fmt: skip
    korenmarkt = (51.0545, 3.7215)
    for centre in [*WIJK_CENTRA.values(), *POSTCODE_CENTRA.values()]:
        assert km(korenmarkt, centre) < 10  # all of Ghent lies within 10 km of its centre


def test_known_distance():
    assert km((51.0, 3.7), (52.0, 3.7)) == pytest.approx(111.19, abs=0.01)  # 1 degree north
    # Korenmarkt to Gent-Sint-Pieters station: about 2.2 km as the crow flies.
    assert 2.0 < km((51.0545, 3.7215), (51.0359, 3.7108)) < 2.4
    assert km((51.05, 3.72), (51.05, 3.72)) == 0


@pytest.mark.parametrize(
    ("params", "soort"),
    [
        ({"vanaf": "rabot-blaisantvest"}, "wijk"),
        ({"vanaf": " 9040 "}, "postcode"),
        ({"postcode": "9000"}, "postcode"),
        ({"postcode": "9000", "vanaf": "ledeberg"}, "wijk"),
        ({"lat": "51.06", "lon": "3.71"}, "positie"),
        ({"vanaf": "ledeberg", "lat": "51.06", "lon": "3.71"}, "positie"),
    ],
)
def test_starting_points(params, soort):
    punt, notices = vertrekpunt(**params)
    assert punt.soort == soort and notices == []


@pytest.mark.parametrize(
    "params",
    [
        {"vanaf": "bestaat-niet"},
        {"vanaf": "1000"},  # Brussels: not a Ghent postcode
        {"postcode": "1000"},
        {"postcode": "abc"},
        {"vanaf": "x" * 10_000},
        {"lat": "48.85", "lon": "2.35"},  # Paris
        {"lat": "51.06"},
        {"lat": "abc", "lon": "3.71"},
        {"lat": "nan", "lon": "inf"},
        {"lat": "1e400", "lon": "3.7"},
        {"lat": "9" * 5000, "lon": "3.7"},
    ],
)
def test_bad_starting_points_give_a_notice_and_no_distance(params):
    punt, notices = vertrekpunt(**params)
    assert punt is None
    assert len(notices) == 1 and "geen afstanden" in notices[0]


def test_no_starting_point_is_no_notice():
    assert vertrekpunt() == (None, [])


def test_places_of_an_offer():
    eigen = {"lat": "51.0600", "lon": "3.7000", "wijk": "ledeberg"}
    assert plaatsen([eigen], ["ledeberg"], False, ["groepsaanbod"]) == [(51.06, 3.7)]
    # A location without coordinates: its wijk's centre, else its postcode's.
    assert plaatsen([{"wijk": "ledeberg"}], [], False, []) == [WIJK_CENTRA["ledeberg"]]
    assert plaatsen([{"postcode": "9052"}], [], False, []) == [POSTCODE_CENTRA["9052"]]
    # No location: the centres of the offer's wijken.
    assert plaatsen([], ["dampoort", "ledeberg"], False, []) == [
        WIJK_CENTRA["dampoort"], WIJK_CENTRA["ledeberg"],
    ]  # fmt: skip
    # City-wide and online-only offers have no place, so no distance.
    assert plaatsen([eigen], ["ledeberg"], True, []) == []
    assert plaatsen([], ["ledeberg"], False, ["online"]) == []
    assert plaatsen([], ["ledeberg"], False, ["online", "groepsaanbod"]) == [
        WIJK_CENTRA["ledeberg"]
    ]


def test_distance_to_the_nearest_place_and_its_text():
    punt, _ = vertrekpunt(vanaf="rabot-blaisantvest")
    dichtbij = afstand(punt, [WIJK_CENTRA["zwijnaarde"], WIJK_CENTRA["bloemekenswijk"]])
    assert dichtbij == pytest.approx(
        km(WIJK_CENTRA["rabot-blaisantvest"], WIJK_CENTRA["bloemekenswijk"])
    )
    assert afstand(punt, []) is None and afstand(None, [(51.0, 3.7)]) is None
    assert als_tekst(None) == ""
    assert als_tekst(0.0) == "± 50 m"
    assert als_tekst(0.34) == "± 350 m"
    assert als_tekst(1.24) == "± 1,2 km"
    assert als_tekst(14.4) == "± 14 km"


def test_a_position_is_rounded_to_about_100_m():
    punt, _ = vertrekpunt(lat="51.0643219", lon="3.7134567")
    assert (punt.lat, punt.lon) == (51.064, 3.713)
    assert punt.velden == {"lat": "51.064", "lon": "3.713"}
