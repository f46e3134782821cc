"""GET /api/v1/uitdatabank/ and /api/v1/uitdatabank/<id>/: dated activities as UiTdatabank events.

HTTP only: reading and checking the parameters, paging, the JSON envelope. What an event says is
kalender/uitdatabank/ (the mapping and its table); which activities it may show, too.
"""

import datetime
import re

from django.utils import timezone

from kalender.herhaling import TZ
from kalender.uitdatabank import event, exporteerbaar, laad, ontbrekend, selecteer
from preventiezoeker.links import absolute_url

from ..http import api_view, json_response

PER_PAGE = 20  # an event may carry hundreds of subEvents
MAX_DAGEN = 366
MIN_JAAR, MAX_JAAR = 2000, 2100
MAX_PAGE_DIGITS = 9
MAX_PAGE = 10**MAX_PAGE_DIGITS  # a longer page number means this one: beyond any last page
SLUG = re.compile(r"[-\w]{1,100}")
ID = re.compile(r"[0-9]{1,12}")
NIET_GEVONDEN = "Deze activiteit bestaat niet of is niet openbaar."
FOUTE_PAGINA = "Het paginanummer moet een geheel getal vanaf 1 zijn, bv. 2."


class Fout(ValueError):
    """Bad input: a 400 with this Dutch message."""


def _datum(request, naam):
    raw = request.GET.get(naam, "").strip()
    if not raw:
        return None
    try:
        day = datetime.date.fromisoformat(raw[:20])
    except ValueError:
        raise Fout(
            f"'{raw[:20]}' is geen geldige datum bij '{naam}'. Schrijf jjjj-mm-dd, bv. 2026-03-01."
        ) from None
    if not MIN_JAAR <= day.year <= MAX_JAAR:
        raise Fout(f"De datum bij '{naam}' moet tussen {MIN_JAAR} en {MAX_JAAR} liggen.")
    return day


def _periode(request):
    van = _datum(request, "van") or timezone.localdate(timezone.now(), TZ)
    tot = _datum(request, "tot") or van + datetime.timedelta(days=MAX_DAGEN)
    if tot < van:
        raise Fout("De datum bij 'tot' ligt voor die bij 'van'.")
    if (tot - van).days > MAX_DAGEN:
        raise Fout(f"Kies een periode van hoogstens {MAX_DAGEN} dagen.")
    return van, tot


def _pagina(request):
    raw = request.GET.get("page", "").strip() or "1"
    if not (raw.isascii() and raw.isdigit()) or not raw.lstrip("0"):
        raise Fout(FOUTE_PAGINA)
    raw = raw.lstrip("0")
    return int(raw) if len(raw) <= MAX_PAGE_DIGITS else MAX_PAGE


def _slug(request, naam):
    """A slug filter; None when it cannot be any page's slug (the answer is then empty)."""
    raw = request.GET.get(naam, "").strip()
    if not raw:
        return ""
    return raw if SLUG.fullmatch(raw) else None


def _item(request, activiteit, bron):
    data = event(activiteit, bron, lambda page: absolute_url(request, page))
    published = activiteit.last_published_at
    return {
        "id": activiteit.pk,
        "url": absolute_url(request, activiteit),
        "modified": published.isoformat() if published else None,
        "missing": ontbrekend(data),
        "event": data,
    }


@api_view
def uitdatabank_lijst(request):
    try:
        van, tot = _periode(request)
        nummer = _pagina(request)
    except Fout as fout:
        return json_response({"detail": str(fout)}, status=400)
    organisatie, campagne = _slug(request, "organisatie"), _slug(request, "campagne")
    if organisatie is None or campagne is None:
        activiteiten = exporteerbaar().none()
    else:
        activiteiten = selecteer(van, tot, organisatie=organisatie, campagne=campagne)
    count = activiteiten.count()
    num_pages = max(1, -(-count // PER_PAGE))
    pagina = []
    if nummer <= num_pages:
        pagina = list(activiteiten[(nummer - 1) * PER_PAGE : nummer * PER_PAGE])
    bronnen = laad(pagina)
    return json_response(
        {
            "count": count,
            "from": van.isoformat(),
            "to": tot.isoformat(),
            "page": nummer,
            "num_pages": num_pages,
            "per_page": PER_PAGE,
            "results": [_item(request, a, bronnen[a.pk]) for a in pagina],
        }
    )


@api_view
def uitdatabank_detail(request, pk):
    activiteit = None
    if ID.fullmatch(pk):
        activiteit = exporteerbaar().filter(pk=int(pk)).first()
    if activiteit is None:
        return json_response({"detail": NIET_GEVONDEN}, status=404)
    return json_response(_item(request, activiteit, laad([activiteit])[activiteit.pk]))
