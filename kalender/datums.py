"""Dates as the calendar writes them: "maandag 1 december 2026", "1 december 2026".

Django's own date localisation in the active language (LANGUAGE_CODE is nl; its Dutch day and
month names are lower case), so a second language needs no list of names here.
"""

from django.utils.formats import date_format


def korte_datum(day):
    return date_format(day, "j F Y")


def dag_label(day):
    return date_format(day, "l j F Y")


def maand_label(day):
    return date_format(day, "F Y")
