"""Server-rendered SVG charts: no JavaScript, no CDN, printable. Each chart sits beside a table
with the same numbers (cijfers.tabel), so the SVG is an image with a short text alternative and
every number stays readable by screen readers, in print and in downloads."""

from itertools import count

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

KLEUREN = ("#1f5f8b", "#b3541e", "#2f7d32", "#6a3d9a")  # >= 4.5:1 on white, told apart by shape too
_ids = count(1)


def _getal(n):
    if isinstance(n, float):
        return f"{n:.1f}".replace(".", ",")
    return f"{n:,}".replace(",", ".")


def _kop(titel, breedte, hoogte):
    nummer = next(_ids)
    return nummer, format_html(
        '<svg class="pz-grafiek" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="grafiek-{}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="grafiek-{}">{} (de cijfers staan ook in de tabel)</title>',
        breedte, hoogte, nummer, nummer, titel,
    )  # fmt: skip


def staafdiagram(titel, rijen, eenheid=""):
    """Horizontal bars: rijen is [(label, number)], drawn in the given order."""
    rijen = [(str(label), waarde or 0) for label, waarde in rijen]
    if not rijen:
        return ""
    grootste = max((w for _l, w in rijen), default=0) or 1
    lijn, links, breedte = 22, 210, 640
    hoogte = lijn * len(rijen) + 8
    _n, kop = _kop(titel, breedte, hoogte)
    staven = format_html_join(
        "",
        '<g><text x="{}" y="{}" text-anchor="end" font-size="12" fill="#222">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="14" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="12" fill="#222">{}{}</text></g>',
        (
            (
                links - 6,
                i * lijn + 16,
                label[:32] + ("…" if len(label) > 32 else ""),
                links,
                i * lijn + 5,
                round((breedte - links - 70) * w / grootste, 1),
                KLEUREN[0],
                links + round((breedte - links - 70) * w / grootste, 1) + 4,
                i * lijn + 16,
                _getal(w),
                eenheid,
            )  # fmt: skip
            for i, (label, w) in enumerate(rijen)
        ),
    )
    return mark_safe(kop + staven + "</svg>")


def lijndiagram(titel, labels, reeksen, eenheid="", hoogte=160):
    """A small trend chart: labels along the x-axis, reeksen is [(name, [numbers])]. Each
    series has its own colour and marker shape, and a legend when there is more than one."""
    labels = [str(label) for label in labels]
    if not labels or not reeksen:
        return ""
    breedte, links, rechts, boven, onder = 640, 44, 12, 12, 34
    legende = 18 if len(reeksen) > 1 else 0
    totaal_hoogte = hoogte + legende
    alle = [w or 0 for _naam, waarden in reeksen for w in waarden]
    grootste = max(alle, default=0) or 1
    stap = (breedte - links - rechts) / max(len(labels) - 1, 1)

    def xy(i, w):
        y = boven + (hoogte - boven - onder) * (1 - (w or 0) / grootste)
        return round(links + i * stap, 1), round(y, 1)

    _n, kop = _kop(titel, breedte, totaal_hoogte)
    onderdelen = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#767676"></line>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#222">{}{}</text>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#222">0</text>',
            links,
            hoogte - onder,
            breedte - rechts,
            hoogte - onder,
            links - 4,
            boven + 8,
            _getal(grootste),
            eenheid,
            links - 4,
            hoogte - onder,
        )  # fmt: skip
    ]
    # At most about ten x-axis labels, so they never overlap.
    elke = max(1, round(len(labels) / 10))
    onderdelen.append(
        format_html_join(
            "",
            '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#222">{}</text>',
            (
                (xy(i, 0)[0], hoogte - onder + 16, label)
                for i, label in enumerate(labels)
                if i % elke == 0
            ),
        )  # fmt: skip
    )
    for r, (naam, waarden) in enumerate(reeksen):
        kleur = KLEUREN[r % len(KLEUREN)]
        punten = " ".join(f"{x},{y}" for x, y in (xy(i, w) for i, w in enumerate(waarden)))
        onderdelen.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{}></polyline>',
                punten,
                kleur,
                mark_safe(' stroke-dasharray="6 3"') if r % 2 else "",
            )  # fmt: skip
        )
        onderdelen.append(
            format_html_join(
                "",
                '<circle cx="{}" cy="{}" r="3" fill="{}"></circle>',
                ((x, y, kleur) for x, y in (xy(i, w) for i, w in enumerate(waarden))),
            )
        )
        if legende:
            onderdelen.append(
                format_html(
                    '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"{}></line>'
                    '<text x="{}" y="{}" font-size="12" fill="#222">{}</text>',
                    links + r * 180,
                    hoogte + 8,
                    links + r * 180 + 24,
                    hoogte + 8,
                    kleur,
                    mark_safe(' stroke-dasharray="6 3"') if r % 2 else "",
                    links + r * 180 + 30,
                    hoogte + 12,
                    naam,
                )  # fmt: skip
            )
    return mark_safe(kop + "".join(onderdelen) + "</svg>")
