"""The officialese list: coordinators extend it in the admin and the next reading flags the new
word; partners can neither see nor change it."""

from django.test import Client
from django.urls import reverse

import pytest

from schrijfhulp.models import AmbtelijkWoord

LIJST = "wagtailsnippets_schrijfhulp_ambtelijkwoord"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def lees(client, tekst):
    response = client.post(
        reverse("schrijfhulp_lezen"),
        {"naam": "in_het_kort", "label": "In het kort", "tekst": tekst},
    )
    assert response.status_code == 200
    return response.json()["html"]


@pytest.mark.django_db
def test_the_migration_seeds_about_forty_words():
    assert AmbtelijkWoord.objects.count() >= 40
    assert AmbtelijkWoord.objects.get(woord="teneinde").zeg_liever == "om"
    assert AmbtelijkWoord.objects.filter(woord="ten behoeve van").exists()


@pytest.mark.django_db
def test_coordinator_adds_a_word_and_it_is_flagged_next_time(coordinator, partner_a):
    zin = "Wij bieden een integratieve aanpak."
    partner = client_for(partner_a.user)
    assert "‘integratieve’ → zeg liever" not in lees(partner, zin)

    client = client_for(coordinator)
    assert client.get(reverse(f"{LIJST}:list")).status_code == 200
    response = client.post(
        reverse(f"{LIJST}:add"), {"woord": "  Integratief ", "zeg_liever": "samen, als geheel"}
    )
    assert response.status_code == 302
    assert AmbtelijkWoord.objects.get(woord="integratief").zeg_liever == "samen, als geheel"

    assert "‘integratieve’ → zeg liever ‘samen, als geheel’." in lees(partner, zin)


@pytest.mark.django_db
def test_a_word_cannot_be_added_twice(coordinator):
    response = client_for(coordinator).post(
        reverse(f"{LIJST}:add"), {"woord": "Teneinde", "zeg_liever": "om"}
    )
    assert response.status_code == 200
    assert "Dit woord staat al in de lijst." in response.content.decode()
    assert AmbtelijkWoord.objects.filter(woord="teneinde").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("woord", ["", "   ", "123 !!", "x" * 61])
def test_a_word_without_letters_or_too_long_is_refused(coordinator, woord):
    before = AmbtelijkWoord.objects.count()
    response = client_for(coordinator).post(reverse(f"{LIJST}:add"), {"woord": woord})
    assert response.status_code == 200  # the form again, with the reason
    assert AmbtelijkWoord.objects.count() == before


def partner_attacks():
    teneinde = lambda: AmbtelijkWoord.objects.get(woord="teneinde").pk  # noqa: E731
    return [
        ("get", lambda: reverse(f"{LIJST}:list"), {}),
        ("get", lambda: reverse(f"{LIJST}:add"), {}),
        ("post", lambda: reverse(f"{LIJST}:add"), {"woord": "gekaapt", "zeg_liever": "x"}),
        ("get", lambda: reverse(f"{LIJST}:edit", args=[teneinde()]), {}),
        (
            "post",
            lambda: reverse(f"{LIJST}:edit", args=[teneinde()]),
            {"woord": "teneinde", "zeg_liever": "gekaapt"},
        ),
        ("post", lambda: reverse(f"{LIJST}:delete", args=[teneinde()]), {}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(6))
def test_partners_cannot_see_or_change_the_list(partner_a, index):
    method, url, data = partner_attacks()[index]
    voor = list(AmbtelijkWoord.objects.order_by("pk").values_list("woord", "zeg_liever"))
    response = getattr(client_for(partner_a.user), method)(url(), data)
    # Wagtail sends a user without the permission back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert list(AmbtelijkWoord.objects.order_by("pk").values_list("woord", "zeg_liever")) == voor


@pytest.mark.django_db
def test_partners_get_no_menu_item_for_the_list(partner_a, coordinator):
    menu = "Ambtelijke woorden"
    assert menu not in client_for(partner_a.user).get(reverse("wagtailadmin_home")).content.decode()
    assert menu in client_for(coordinator).get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(site_tree):
    response = Client().get(reverse(f"{LIJST}:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
