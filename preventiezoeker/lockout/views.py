"""The Dutch lockout page, and the coordinator's list of lockouts with an unlock button."""

import ipaddress
import math

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.utils import reset

from ..permissions import can_publish_somewhere
from .client_ip import client_ip
from .vergrendelingen import vergrendelingen


def may_unlock(user):
    """The coordinator role (and superusers); partners only wait out the cool-off."""
    return can_publish_somewhere(user)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: says how long to wait and who can help, HTTP 429."""
    username = get_client_username(request, credentials) or ""
    ip_address = getattr(request, "axes_ip_address", None) or client_ip(request)
    gevonden = vergrendelingen(username=username, ip_address=ip_address)
    now = timezone.now()
    tot = gevonden[0].tot if gevonden else now + get_cool_off(request)
    context = {
        "username": username,
        "limiet": get_failure_limit(request, credentials),
        "tot": tot,
        "minuten": max(1, math.ceil((tot - now).total_seconds() / 60)),
    }
    return render(
        request, "lockout/vergrendeld.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
def beheer(request):
    if not may_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "")
        ip_address = _valid_ip(request.POST.get("ip_address", ""))
        # Both, always: axes.utils.reset() with one of them empty would unlock far more.
        if username and ip_address and reset(ip=ip_address, username=username):
            messages.success(request, f"{username} kan zich weer aanmelden vanaf {ip_address}.")
        else:
            messages.warning(request, "Die vergrendeling bestaat niet (meer).")
        return redirect("lockout_beheer")
    return TemplateResponse(
        request,
        "lockout/beheer.html",
        {
            "vergrendelingen": vergrendelingen(),
            "limiet": get_failure_limit(request, None),
            "minuten": int(get_cool_off(request).total_seconds() // 60),
            "page_title": "Aanmeldpogingen",
        },
    )
