"""Downloads of exactly what a page shows: one table as CSV, or every table as XLSX sheets."""

import csv
import io
import re

from django.http import HttpResponse
from django.utils.text import slugify

from openpyxl import Workbook

from doorverwijzing.admin_views import veilig

FORMATEN = ("csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bestandsnaam(naam, periode):
    return f"{slugify(naam) or 'cijfers'}-{periode.van:%Y%m%d}-{periode.tot:%Y%m%d}"


def csv_download(tabel, periode):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 with accents only with a BOM
    writer = csv.writer(buffer, delimiter=";")  # Belgian Excel expects ;
    for rij in tabel.waarden():
        writer.writerow([veilig(cel) for cel in rij])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{bestandsnaam(tabel.naam, periode)}.csv"'
    )
    return response


def xlsx_download(naam, tabellen, periode):
    workbook = Workbook(write_only=True)
    gebruikt = set()
    for tabel in tabellen:
        sheet = workbook.create_sheet(_bladnaam(tabel.titel, gebruikt))
        sheet.append([f"{tabel.titel} ({periode.label})"])
        for rij in tabel.waarden():
            sheet.append([veilig(cel) if isinstance(cel, str) else cel for cel in rij])
    if not gebruikt:
        workbook.create_sheet("Leeg")
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(naam, periode)}.xlsx"'
    return response


def _bladnaam(titel, gebruikt):
    """Excel: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    basis = re.sub(r"[\[\]:*?/\\]", " ", titel)[:28].strip() or "Blad"
    naam, n = basis, 2
    while naam.lower() in gebruikt:
        naam, n = f"{basis} {n}", n + 1
    gebruikt.add(naam.lower())
    return naam
