"""Read an uploaded spreadsheet (CSV or XLSX) into rows of cells, whatever Excel made of it:
UTF-8 with or without BOM or Windows-1252, `;` (Excel in Belgium) or `,` between cells.

Size first, then content: a file past IMPORT_MAX_BYTES is never opened, and an XLSX is read
row by row (openpyxl's read-only mode) and stops past IMPORT_MAX_RIJEN, so a small file that
unpacks to millions of rows cannot fill the memory.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from .kolommen import PER_SLEUTEL, VERPLICHTE_KOPPEN, kop_sleutel

MAX_CEL = 10_000  # characters in one cell; more is a mistake (the longest field is rich text)


class Onleesbaar(Exception):
    """The file as a whole cannot be used; the message says why, in Dutch."""


@dataclass
class Blad:
    koppen: list  # the column headers as the file has them, matched to KOLOMMEN
    rijen: list = field(default_factory=list)  # [(row number in the file, {kop: cell})]


def lees_bestand(bestand):
    """A Blad from an uploaded file; raises Onleesbaar with a clear message."""
    maximum = settings.IMPORT_MAX_BYTES
    if bestand.size > maximum:
        raise Onleesbaar(
            f"Dit bestand is te groot ({filesizeformat(bestand.size)}). Het mag hoogstens "
            f"{filesizeformat(maximum)} zijn. Splits het in kleinere bestanden."
        )
    naam = (bestand.name or "").lower()
    inhoud = bestand.read(maximum + 1)
    if naam.endswith(".xlsx") or inhoud[:4] == b"PK\x03\x04":
        return lees_xlsx(inhoud)
    if naam.endswith((".xls", ".ods", ".numbers")):
        raise Onleesbaar("Bewaar het bestand als .xlsx of .csv en probeer opnieuw.")
    return lees_csv(inhoud)


def decodeer(inhoud: bytes) -> str:
    if inhoud.startswith(b"\xef\xbb\xbf"):
        return inhoud[3:].decode("utf-8", errors="strict")
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows ("CSV (gescheiden door lijstscheidingsteken)").
        return inhoud.decode("cp1252")
    except UnicodeDecodeError:
        raise Onleesbaar(
            "De tekens in dit bestand kunnen we niet lezen. Bewaar het als "
            "“CSV UTF-8” of als .xlsx en probeer opnieuw."
        ) from None


def lees_csv(inhoud: bytes) -> Blad:
    if b"\x00" in inhoud[:4096]:
        raise Onleesbaar("Dit is geen CSV-bestand. Kies een .csv- of .xlsx-bestand.")
    tekst = decodeer(inhoud)
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=eerste.count)
    try:
        rijen = list(_begrensd(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)))
    except csv.Error as error:
        raise Onleesbaar(f"Dit CSV-bestand is niet in orde: {error}.") from None
    return _blad(rijen)


def lees_xlsx(inhoud: bytes) -> Blad:
    from openpyxl import load_workbook

    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise Onleesbaar("Dit Excel-bestand kunnen we niet openen. Is het een .xlsx?") from None
    try:
        # The sheet with the offers: ours is called "Aanbod"; otherwise the first one.
        blad = boek["Aanbod"] if "Aanbod" in boek.sheetnames else boek.worksheets[0]
        # Formulas come as their text ("=HYPERLINK(...)"), which the dry run refuses.
        rijen = [list(rij) for rij in _begrensd(blad.iter_rows(values_only=True))]
    except Onleesbaar:
        raise
    except Exception:  # a damaged workbook fails in many ways, and only while reading rows
        raise Onleesbaar("Dit Excel-bestand is beschadigd. Bewaar het opnieuw.") from None
    finally:
        boek.close()
    return _blad(rijen)


def _begrensd(rijen):
    maximum = settings.IMPORT_MAX_RIJEN
    for aantal, rij in enumerate(rijen):
        if aantal > maximum + 1:  # + the header row
            raise Onleesbaar(
                f"Dit bestand heeft meer dan {maximum} rijen. Splits het in kleinere bestanden."
            )
        yield rij


def _tekst(waarde):
    import datetime

    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime | datetime.date):
        return waarde.strftime("%d/%m/%Y")
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _blad(rijen) -> Blad:
    """Header row first; rows whose first cell starts with # are explanation, not data."""
    rijen = [[_tekst(c) for c in rij] for rij in rijen]
    while rijen and not any(c.strip() for c in rijen[0]):
        rijen.pop(0)
    if not rijen:
        raise Onleesbaar("Dit bestand is leeg. Vul het sjabloon in en probeer opnieuw.")
    kopregel = [c.strip() for c in rijen[0]]
    bekend = [PER_SLEUTEL.get(kop_sleutel(c)) for c in kopregel]
    onbekend = [c for c, k in zip(kopregel, bekend, strict=True) if c and k is None]
    gevonden = [k.kop for k in bekend if k is not None]
    dubbel = sorted({kop for kop in gevonden if gevonden.count(kop) > 1})
    ontbreekt = [kop for kop in sorted(VERPLICHTE_KOPPEN) if kop not in gevonden]
    problemen = []
    if ontbreekt:
        problemen.append(f"deze kolommen ontbreken: {', '.join(ontbreekt)}")
    if onbekend:
        problemen.append(f"deze kolommen kennen we niet: {', '.join(onbekend)}")
    if dubbel:
        problemen.append(f"deze kolommen staan er twee keer: {', '.join(dubbel)}")
    if problemen:
        raise Onleesbaar(
            "De kolommen kloppen niet: "
            + "; ".join(problemen)
            + ". Gebruik de kolomnamen van het sjabloon (de eerste rij)."
        )
    koppen = [k.kop if k else "" for k in bekend]
    blad = Blad(koppen=koppen)
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(c.strip() for c in rij) or rij[0].lstrip().startswith("#"):
            continue
        if any(len(c) > MAX_CEL for c in rij):
            raise Onleesbaar(f"Rij {nummer} heeft een cel met meer dan {MAX_CEL} tekens.")
        cellen = {kop: rij[i] if i < len(rij) else "" for i, kop in enumerate(koppen) if kop}
        blad.rijen.append((nummer, cellen))
    if not blad.rijen:
        raise Onleesbaar("Er staat geen aanbod in dit bestand: alleen de kolomnamen.")
    return blad
