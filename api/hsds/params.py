"""Reading the HSDS query parameters. Unparseable values of typed parameters (booleans, dates)
are a 400 with a plain Dutch message; unknown ids in filters simply match nothing."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from kalender.herhaling import TZ

MAX_SEARCH = 200  # characters of `search`; the rest is ignored
MAX_WORDS = 10
TRUE = frozenset({"true", "1", "yes"})
FALSE = frozenset({"false", "0", "no", ""})


class BadParameter(Exception):
    """A parameter the API cannot read: the view answers 400 with this message."""


def flag(query, name):
    value = query.get(name)
    if value is None:
        return False
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadParameter(f"{name} moet true of false zijn.")


def text(query, name, limit):
    """A text parameter, cut at `limit` characters and without NUL (PostgreSQL refuses it)."""
    return (query.get(name) or "")[:limit].replace("\x00", "").strip()


def words(query):
    return text(query, "search", MAX_SEARCH).split()[:MAX_WORDS]


def modified_after(query):
    """An aware datetime, or None when absent; a date means from its start (Belgian time)."""
    value = (query.get("modified_after") or "").strip()
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.datetime.combine(day, datetime.time(0)) if day else None
    except (ValueError, OverflowError):
        moment = None
    if moment is not None and timezone.is_naive(moment):
        moment = moment.replace(tzinfo=TZ)
    # PostgreSQL refuses offsets past 15:59 (ISO allows 23:59): a 400, not a database error.
    if moment is not None and abs(moment.utcoffset()) > datetime.timedelta(hours=14):
        moment = None
    try:
        moment = moment.astimezone(datetime.UTC) if moment is not None else None
    except OverflowError:
        moment = None
    if moment is None:
        raise BadParameter(
            "modified_after moet een datum of tijdstip zijn (ISO 8601), "
            "bijvoorbeeld 2026-01-31 of 2026-01-31T09:00:00+01:00."
        )
    return moment
