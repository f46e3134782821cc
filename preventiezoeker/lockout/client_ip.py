"""The client address axes counts failed logins under (AXES_CLIENT_IP_CALLABLE)."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost one saw.

    Each proxy appends the address it saw to X-Forwarded-For, so only the last N entries are
    trustworthy; anything further left the client may have written itself.
    """
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a]
        if len(forwarded) >= count:
            # Garbage there would break saving the attempt (an inet column on PostgreSQL).
            return _valid(forwarded[-count]) or remote
    return remote
