"""Mijn selectie: an ordered list of offer ids in the session (no login, nothing else stored).

Every read goes through AanbodPage.objects.zichtbaar(): an id that was unpublished, expired or
never existed is simply not shown, and the caller learns how many were dropped.
"""

import re
from dataclasses import dataclass, field

from aanbod.models import AanbodPage

SESSION_KEY = "doorverwijzing_selectie"
MAX_AANTAL = 30  # more is not a referral any more, and keeps links and mails short


def parse_ids(text: str | None) -> list[int]:
    """'12,40,7' (or with spaces) → [12, 40, 7]; junk ignored, duplicates dropped, capped."""
    # An absurdly long number is junk, not an id to look up.
    ids = [int(part) for part in re.findall(r"\d+", (text or "")[:1000]) if len(part) <= 9]
    return list(dict.fromkeys(ids))[:MAX_AANTAL]


@dataclass
class Resultaat:
    paginas: list = field(default_factory=list)
    ontbrekend: int = 0

    @property
    def ids(self):
        return [p.pk for p in self.paginas]

    @property
    def ids_tekst(self):
        return ",".join(str(pk) for pk in self.ids)


def zichtbare_paginas(ids: list[int]) -> Resultaat:
    """The visible offers among ids, in the order of ids."""
    if not ids:
        return Resultaat()
    found = {
        p.pk: p
        for p in AanbodPage.objects.zichtbaar()
        .filter(pk__in=ids)
        .select_related("owner")
        .prefetch_related("talen", "themas", "toegankelijkheid", "locaties__wijk", "vertalingen")
    }
    paginas = [found[pk] for pk in ids if pk in found]
    return Resultaat(paginas=paginas, ontbrekend=len(ids) - len(paginas))


class Selectie:
    """The caregiver's own list, kept in their session."""

    def __init__(self, session):
        self.session = session

    @property
    def ids(self) -> list[int]:
        value = self.session.get(SESSION_KEY) or []
        return [pk for pk in value if isinstance(pk, int)][:MAX_AANTAL]

    def _bewaar(self, ids):
        self.session[SESSION_KEY] = list(dict.fromkeys(ids))[:MAX_AANTAL]

    def __len__(self):
        return len(self.ids)

    def __contains__(self, pk):
        return pk in self.ids

    def is_vol(self):
        return len(self) >= MAX_AANTAL

    def voeg_toe(self, pk) -> bool:
        ids = self.ids
        if pk in ids or len(ids) >= MAX_AANTAL:
            return False
        self._bewaar([*ids, pk])
        return True

    def verwijder(self, pk):
        self._bewaar([i for i in self.ids if i != pk])

    def verplaats(self, pk, stap: int):
        """Move one place up (-1) or down (+1)."""
        ids = self.ids
        if pk not in ids:
            return
        i = ids.index(pk)
        j = max(0, min(len(ids) - 1, i + stap))
        ids[i], ids[j] = ids[j], ids[i]
        self._bewaar(ids)

    def vervang(self, ids):
        self._bewaar(ids)

    def leeg(self):
        self.session.pop(SESSION_KEY, None)

    def opgeschoond(self) -> Resultaat:
        """Visible offers; drops the others from the session so the header count stays true."""
        resultaat = zichtbare_paginas(self.ids)
        if resultaat.ontbrekend:
            self._bewaar(resultaat.ids)
        return resultaat


def adressen(page) -> list[str]:
    """'Buurtcentrum Rabot, Rabotstraat 1, 9000 Gent' per location (prefetched above)."""
    return [
        ", ".join(d for d in (loc.naam, loc.straat_nummer, f"{loc.postcode} {loc.gemeente}") if d)
        for loc in page.locaties.all()
    ]


def met_contact(paginas, url_van):
    """Give each offer what a printed or mailed list needs: its addresses, a phone number (to
    sign up, else the organisation's) and its absolute link. Returns paginas."""
    for page in paginas:
        page.adressen = adressen(page)
        page.telefoon = page.inschrijving_telefoon or page.organisatie.telefoon
        page.absolute_url = url_van(page)
    return paginas
