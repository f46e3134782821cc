"""A figure as a table: what the page shows, what the chart draws and what the download holds,
built once so the three always carry the same numbers."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cel:
    """A cell with more than a value: a link (to the public search it counts) or a CSS class
    (the heatmap's shade). Downloads take only `waarde`."""

    waarde: object
    url: str = ""
    klasse: str = ""
    titel: str = ""  # the cell's meaning in words, for the link's accessible name

    def __str__(self):
        return str(self.waarde)


@dataclass
class Tabel:
    naam: str  # slug: ?tabel=<naam> downloads this table alone as CSV
    titel: str
    kolommen: list  # header labels; the first column holds the row labels
    rijen: list = field(default_factory=list)  # lists of values or Cel
    uitleg: str = ""  # one plain sentence on how it is counted
    grafiek: str = ""  # safe SVG markup from cijfers.grafiek, or ""
    leeg: str = "Geen gegevens in deze periode."
    # Extra layout hints for the template: "heatmap" shades cells and keeps the first column
    # sticky; "" is a plain listing.
    soort: str = ""
    voet: list = field(default_factory=list)  # an optional totals row

    @staticmethod
    def waarde(cel):
        return cel.waarde if isinstance(cel, Cel) else cel

    def waarden(self):
        """Header, rows and totals row as plain values, for downloads."""
        rijen = [[self.waarde(c) for c in rij] for rij in self.rijen]
        if self.voet:
            rijen.append([self.waarde(c) for c in self.voet])
        return [list(self.kolommen), *rijen]
