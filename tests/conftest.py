import os
import shutil
from types import SimpleNamespace

import pytest

from aanbod.partners import maak_gebruiker, maak_organisatie
from home.inrichting import richt_site_in
from tests.factories import AanbodPageFactory, publish

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site_tree(db):
    home, index, coordinators = richt_site_in()
    return SimpleNamespace(home=home, index=index, coordinators=coordinators)


def _partner(site_tree, naam, slug, username):
    organisatie, group = maak_organisatie(naam, "wijkgezondheidscentrum", slug=slug)
    user = maak_gebruiker(username, f"{username}@example.org", group, wachtwoord="wachtwoord")
    offer = publish(AanbodPageFactory(parent=organisatie, title=f"Beweegcoach {naam}"))
    return SimpleNamespace(organisatie=organisatie, group=group, user=user, offer=offer)


@pytest.fixture
def partner_a(site_tree):
    return _partner(site_tree, "WGC Alfa", "wgc-alfa", "partner-a")


@pytest.fixture
def partner_b(site_tree):
    return _partner(site_tree, "WGC Beta", "wgc-beta", "partner-b")


@pytest.fixture
def coordinator(site_tree):
    return maak_gebruiker(
        "coordinator", "coordinator@example.org", site_tree.coordinators, wachtwoord="wachtwoord"
    )
