"""The template to download: the columns with Dutch headers, a line of explanation, the allowed
values, and (to update them) the user's existing offers with their id. Every cell we write is
neutralised (kolommen.veilig): opened in a spreadsheet, none of it runs as a formula."""

import csv
import io

from aanbod.models import AanbodPage

from .kolommen import KEUZES, KOLOMMEN, KOPPEN, LIJST, als_cel, veilig, woordenlijsten

UITLEG = (
    "Eén rij per aanbod. Laat de kolom id leeg voor nieuw aanbod; met het id van een bestaand "
    "aanbod pas je dat aan. Rijen die beginnen met # slaan we over. Lijsten: waarden "
    "gescheiden door een komma, met hun naam of code (zie het blad Lijsten)."
)


def bestaand_aanbod(organisaties):
    """The offers of these organisations as the editor sees them (latest revision), by title."""
    paden = {org.path: org for org in organisaties}
    pages = AanbodPage.objects.none()
    for org in organisaties:
        pages |= AanbodPage.objects.child_of(org)
    rijen = []
    for page in pages.select_related("latest_revision").order_by("path"):
        laatste = page.latest_revision.as_object() if page.latest_revision else page
        rijen.append((laatste, paden.get(page.path[: -AanbodPage.steplen])))
    return rijen


def _rijen(aanbod, vocab):
    for page, org in aanbod:
        cellen = []
        for kolom in KOLOMMEN:
            if kolom.kop == "id":
                cellen.append(str(page.pk))
            elif kolom.kop == "organisatie":
                cellen.append(org.slug if org else "")
            else:
                waarde = getattr(page, kolom.veld)
                if kolom.soort == LIJST:
                    waarde = [o.slug for o in waarde.all()]
                cellen.append(veilig(als_cel(kolom, waarde, vocab)))
        yield cellen


def _uitleg_rij(vocab):
    cellen = []
    for kolom in KOLOMMEN:
        tekst = ("Verplicht. " if kolom.verplicht else "") + kolom.uitleg
        if kolom.soort in (LIJST, KEUZES) and len(vocab[kolom.veld]) <= 6:
            tekst += " Kies uit: " + ", ".join(vocab[kolom.veld].values()) + "."
        cellen.append(tekst)
    cellen[0] = "# " + cellen[0]  # a row starting with # is skipped when read
    return cellen


def als_csv(aanbod):
    """UTF-8 with BOM and `;`: what Excel in Belgium opens as columns without asking."""
    vocab = woordenlijsten()
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    schrijver.writerow(["# " + UITLEG] + [""] * (len(KOPPEN) - 1))
    schrijver.writerow([veilig(c) if i else c for i, c in enumerate(_uitleg_rij(vocab))])
    for kolom in KOLOMMEN:
        if kolom.soort == LIJST and len(vocab[kolom.veld]) > 6:
            schrijver.writerow(
                [f"# {kolom.kop}: " + ", ".join(vocab[kolom.veld].values())]
                + [""] * (len(KOPPEN) - 1)
            )
    schrijver.writerows(_rijen(aanbod, vocab))
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def als_xlsx(aanbod):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    vocab = woordenlijsten()
    boek = Workbook()
    blad = boek.active
    blad.title = "Aanbod"
    blad.append(KOPPEN)
    blad.append([veilig(c) if i else c for i, c in enumerate(_uitleg_rij(vocab))])
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for cel in blad[2]:
        cel.font = Font(italic=True)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
    for rij in _rijen(aanbod, vocab):
        blad.append(rij)
    for i, _kop in enumerate(KOPPEN):
        blad.column_dimensions[blad.cell(1, i + 1).column_letter].width = 22
    blad.freeze_panes = "A2"

    uitleg = boek.create_sheet("Uitleg")
    uitleg.append(["Aanbod importeren"])
    uitleg.append([UITLEG])
    uitleg.append([])
    uitleg.append(["kolom", "uitleg"])
    for kolom in KOLOMMEN:
        uitleg.append([kolom.kop, ("Verplicht. " if kolom.verplicht else "") + kolom.uitleg])
    uitleg.column_dimensions["A"].width = 22
    uitleg.column_dimensions["B"].width = 100

    lijsten = boek.create_sheet("Lijsten")
    kolommen = [k for k in KOLOMMEN if k.soort in (LIJST, KEUZES)]
    lijsten.append([k.kop for k in kolommen])
    langste = max(len(vocab[k.veld]) for k in kolommen)
    for i in range(langste):
        lijsten.append(
            [
                veilig(list(vocab[k.veld].values())[i]) if i < len(vocab[k.veld]) else None
                for k in kolommen
            ]
        )
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
