"""The "Klopt nog" link: a signed reference to one request (and its offer). The signature makes
it unforgeable; the request row makes it work once and expire."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "nakijken.klopt-nog"


class OngeldigeLink(Exception):
    """Not a link we made (tampered, truncated, garbage)."""


def token(verzoek):
    return signing.Signer(salt=SALT).sign_object({"v": verzoek.pk, "a": verzoek.aanbod_id})


def lees_token(value):
    """(request id, offer id) of a token we signed; OngeldigeLink for anything else."""
    try:
        data = signing.Signer(salt=SALT).unsign_object(str(value)[:500])
        return int(data["v"]), int(data["a"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise OngeldigeLink from exc


def absoluut(path):
    # Mails are built by a command, without a request: the admin's configured base URL.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def klopt_nog_url(verzoek):
    return absoluut(reverse("nakijken:klopt_nog", args=[token(verzoek)]))


def aanpassen_url(page_id):
    return absoluut(reverse("wagtailadmin_pages:edit", args=[page_id]))
