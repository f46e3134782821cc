"""What an embed shows, as plain values: templates render these and never query.

Every link is absolute (the embed lives on someone else's page) and points at the full page on
our site; the card and row texts come from the same search and calendar the site uses.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from aanbod.models.vertaling import NEDERLANDS, richting
from kalender.templatetags.kalender_tags import iso_lokaal, tijdstip
from preventiezoeker.links import absolute_url

EENVOUDIG = "eenvoudig"
STIJLEN = (EENVOUDIG,)


@dataclass
class Tekst:
    tekst: str  # already escaped where it carries <mark> (aanbod.markering)
    taal: str = NEDERLANDS

    @property
    def dir(self):
        return richting(self.taal)


@dataclass
class Kaart:
    """One offer in the list."""

    titel: Tekst
    kort: Tekst
    organisatie: str
    url: str
    themas: list[str]
    waar: str
    verouderd_html: str = ""


@dataclass
class Rij:
    """One moment of the campaign's calendar."""

    dag: str
    datum_iso: str
    tijd: str
    start_iso: str
    titel: str
    url: str
    organisatie: str
    plaats: str


@dataclass
class Dag:
    label: str
    datum_iso: str
    rijen: list[Rij] = field(default_factory=list)


@dataclass
class Bladeren:
    """Previous / next links of a paged embed (absolute, to the embed itself)."""

    pagina: int
    aantal: int
    vorige: str = ""
    volgende: str = ""


@dataclass
class Insluiting:
    """Everything one embed page shows."""

    titel: str
    volledige_url: str  # the same list on the full site
    titel_taal: str = ""  # "nl" for a title written by a partner or the coordinator
    stijl: str = ""
    meldingen: list[str] = field(default_factory=list)
    totaal: int = 0
    periode: str = ""  # the calendar's period, in words
    kaarten: list[Kaart] = field(default_factory=list)
    dagen: list[Dag] = field(default_factory=list)
    bladeren: Bladeren | None = None
    soort: str = "aanbod"  # or "kalender"


def bladeren(request, pagina, aantal):
    if aantal <= 1:
        return None

    def naar(n):
        query = request.GET.copy()
        if n == 1:
            query.pop("page", None)
        else:
            query["page"] = str(n)
        encoded = query.urlencode()
        return request.build_absolute_uri(request.path + (f"?{encoded}" if encoded else ""))

    return Bladeren(
        pagina,
        aantal,
        vorige=naar(pagina - 1) if pagina > 1 else "",
        volgende=naar(pagina + 1) if pagina < aantal else "",
    )


def kaarten(request, zoek):
    """Cards from aanbod.zoeken.zoek's results (whole pages are loaded once for their URLs)."""
    result = []
    for r in zoek.results:
        page = r.page  # None if it stopped being visible since the search: leave it out
        url = absolute_url(request, page) if page is not None else None
        if not url:
            continue
        p = r.kaart
        wijken = [w.label for w in r.labels.get("wijken", ())]
        waar = _("Heel Gent") if p.stadsbreed else ", ".join(wijken[:3])
        if len(wijken) > 3 and not p.stadsbreed:
            waar += ", …"
        result.append(
            Kaart(
                titel=Tekst(r.title_html, r.title_taal),
                kort=Tekst(r.summary_html, r.summary_taal),
                organisatie=r.organisatie or "",
                url=url,
                themas=[t.label for t in r.labels.get("themas", ())],
                waar=waar,
                verouderd_html=r.waarschuwing_html,
            )
        )
    return result


def dagen(request, kalender):
    """The current page of the calendar, per day."""
    result = []
    for dag in kalender.dagen:
        rijen = []
        for v in dag.momenten:
            a = v.activiteit
            url = absolute_url(request, a)
            if not url:
                continue
            organisatie = a.organisatie_cached.title if a.organisatie_cached else ""
            plaats = a.locatie_naam or (_("online") if a.online_link else "")
            rijen.append(
                Rij(
                    dag=str(dag.label),
                    datum_iso=dag.datum.isoformat(),
                    tijd=str(tijdstip(v)),
                    start_iso=iso_lokaal(v.start),
                    titel=a.title,
                    url=url,
                    organisatie=organisatie,
                    plaats=plaats,
                )
            )
        if rijen:
            result.append(Dag(str(dag.label), dag.datum.isoformat(), rijen))
    return result
