from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Collection, GroupPagePermission

import pytest

from aanbod.models import OrganisatiePage
from home.inrichting import richt_site_in


def test_maak_organisatie_command_creates_page_group_collection_and_account(site_tree):
    call_command(
        "maak_organisatie", "Lokaal Dienstencentrum Ten Hove",
        "--soort", "lokaal-dienstencentrum", "--gebruiker", "tenhove", "--email", "x@example.org",
    )  # fmt: skip
    organisatie = OrganisatiePage.objects.get(slug="lokaal-dienstencentrum-ten-hove")
    assert organisatie.live and organisatie.get_parent().pk == site_tree.index.pk
    group = Group.objects.get(name="Partner: Lokaal Dienstencentrum Ten Hove")
    perms = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert perms == {(organisatie.pk, "add_page"), (organisatie.pk, "change_page")}
    assert Collection.objects.filter(name="Lokaal Dienstencentrum Ten Hove").exists()
    user = group.user_set.get()
    assert user.username == "tenhove" and not user.has_usable_password()
    assert user.wagtail_userprofile.preferred_language == "nl"

    # Running it again changes nothing: no second page, group or collection.
    call_command("maak_organisatie", "Lokaal Dienstencentrum Ten Hove", "--soort", "vereniging")
    assert OrganisatiePage.objects.filter(slug="lokaal-dienstencentrum-ten-hove").count() == 1
    assert Collection.objects.filter(name="Lokaal Dienstencentrum Ten Hove").count() == 1


def test_maak_organisatie_refuses_unknown_kind(site_tree):
    with pytest.raises(CommandError):
        call_command("maak_organisatie", "X", "--soort", "casino")


def test_inrichten_is_idempotent(site_tree):
    from wagtail.models import Page, WorkflowPage

    before = Page.objects.count()
    richt_site_in()
    richt_site_in()
    assert Page.objects.count() == before
    assert WorkflowPage.objects.get(page=site_tree.home).workflow.name.startswith("Goedkeuring")
