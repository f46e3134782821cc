"""The coordinator can see whether search works and rebuild the index; partners cannot."""

import pytest

from preventiezoeker.search import SearchQuery, get_backend, search
from preventiezoeker.search.sync import rebuild

from .breken import break_index


def test_coordinator_sees_a_broken_index_and_rebuilds_it(client, coordinator, partner_a, index_dir):
    client.force_login(coordinator)
    html = client.get("/admin/zoekindex/").content.decode()
    assert "Niet in orde" in html
    response = client.post("/admin/zoekindex/", follow=True)
    assert "Herbouw gestart" in response.content.decode()
    html = client.get("/admin/zoekindex/").content.decode()
    assert "In orde: 1 aanbod vindbaar" in html
    assert "Laatst herbouwd" in html and "1 aanbod, gestart door coordinator" in html
    assert [h.id for h in search(SearchQuery()).hits] == [partner_a.offer.pk]


def test_corrupt_index_is_detected_and_repaired(
    client, coordinator, partner_a, index_dir, settings
):
    rebuild()
    break_index(settings, index_dir, "corrupt")
    client.force_login(coordinator)
    assert "Niet in orde" in client.get("/admin/zoekindex/").content.decode()
    # Visitors still get a page, with a notice and the database's list.
    public = client.get("/aanbod/")
    assert public.status_code == 200
    assert "Zoeken werkt even minder goed" in public.content.decode()
    assert partner_a.offer.title in public.content.decode()
    client.post("/admin/zoekindex/")
    assert search(SearchQuery()).total == 1


def test_partner_may_not_rebuild(client, partner_a, index_dir):
    client.force_login(partner_a.user)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get("/admin/zoekindex/").status_code == 302
    assert client.post("/admin/zoekindex/").status_code == 302
    assert get_backend().status()["ok"] is False  # nothing was rebuilt
    assert "Zoekindex" not in client.get("/admin/").content.decode()


def test_rebuild_command_prints_a_count(partner_a, index_dir, capsys):
    from django.core.management import call_command

    call_command("zoekindex")
    assert "1 documenten" in capsys.readouterr().out
    call_command("zoekindex", "--status")
    assert "in orde: 1 documenten" in capsys.readouterr().out


def test_rebuild_command_waits_for_no_one_and_refuses_a_second_rebuild(
    partner_a, index_dir, capsys
):
    """The command takes the same one-rebuild guard as the admin and the automatic heal."""
    from django.core.management import CommandError, call_command

    from preventiezoeker.search import heal

    assert heal.claim("coordinator")
    with pytest.raises(CommandError, match="Er loopt al een herbouw"):
        call_command("zoekindex")
    assert get_backend().status()["ok"] is False
