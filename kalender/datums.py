"""Dates and times as the calendar writes them: "maandag 1 december 2026", "19.00".

Django's own date localisation in the active language (its day and month names for nl, fr, en,
ar and tr), so a language needs no list of names here. Digits stay Western in every language:
that is how Ghent's Arabic speakers read times and phone numbers on posters too.
"""

from django.utils.formats import date_format
from django.utils.translation import get_language


def korte_datum(day):
    return date_format(day, "j F Y")


def dag_label(day):
    return date_format(day, "l j F Y")


def maand_label(day):
    return date_format(day, "F Y")


def uur(tijd):
    """'19.00' in Dutch (as Flemish posters write it), '19:00' in the other languages."""
    return f"{tijd:%H.%M}" if (get_language() or "nl").startswith("nl") else f"{tijd:%H:%M}"
