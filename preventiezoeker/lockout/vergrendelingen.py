"""Current lockouts, read from axes' own attempt records (the database handler)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Sum
from django.utils import timezone

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt


@dataclass(frozen=True)
class Vergrendeling:
    username: str
    ip_address: str
    sinds: datetime
    tot: datetime


def vergrendelingen(**filters):
    """Locked (username, address) pairs, newest first.

    The same rule as axes' database handler: failures newer than the cool-off, summed per pair
    (axes keeps a row per browser), at or past the limit. Failures while locked are not recorded
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so the newest one is when the lock began.
    """
    cool_off = get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off, **filters)
        .exclude(username__isnull=True)
        .exclude(username="")
        .exclude(ip_address__isnull=True)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), sinds=Max("attempt_time"))
        .filter(failures__gte=get_failure_limit(None, None))
        .order_by("-sinds", "username")
    )
    return [
        Vergrendeling(r["username"], r["ip_address"], r["sinds"], r["sinds"] + cool_off)
        for r in rows
    ]
