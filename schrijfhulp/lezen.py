"""One entry for the editor panel and the admin endpoint: texts in, a rendered reading out."""

from django.template.loader import render_to_string

from schrijfhulp.leesbaarheid import lees
from schrijfhulp.models import AmbtelijkWoord

MAX_TEKENS = 10_000  # per text: ten times the longest real description
MAX_TEKSTEN = 6


def lees_teksten(teksten):
    """teksten: (name, label, text, is_html) tuples."""
    return lees(teksten, AmbtelijkWoord.als_lijst())


def render_lezing(lezing):
    return render_to_string("schrijfhulp/lezing.html", {"lezing": lezing})
