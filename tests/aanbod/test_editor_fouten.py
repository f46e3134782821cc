"""Without a browser: the editor loads the script that lists the errors (the browser test
tests/aanbod/test_editor_fouten_browser.py shows what it does), and the URL name has a plain
Dutch label, as the error list names it."""

import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("view", ["edit", "add"])
def test_the_offer_editor_loads_the_error_list_script(client, partner_a, view):
    client.force_login(partner_a.user)
    if view == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk])
    else:
        url = reverse(
            "wagtailadmin_pages:add", args=["aanbod", "aanbodpage", partner_a.organisatie.pk]
        )

    html = client.get(url).content.decode()

    assert re.search(r'<script src="[^"]*/aanbod/editor-fouten[^"]*\.js"', html)
    assert re.search(r'<link rel="stylesheet" href="[^"]*/aanbod/editor-fouten[^"]*\.css"', html)
    assert 'for="id_slug"' in html
    label = html[html.index('for="id_slug"') :].split("</label>")[0]
    assert "URL-naam" in label and "Slug" not in label
