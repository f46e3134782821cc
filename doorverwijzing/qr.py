"""QR codes as inline SVG: no image files, sharp at any print resolution."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

import segno


def qr_svg(url, titel="QR-code"):
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=2, title=titel, svgclass="qr-code", omitsize=True)
    # role="img" with a name: screen readers announce it instead of skipping or spelling paths.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(titel)}" ', 1)
    return mark_safe(svg)  # segno escapes the title itself; the URL is encoded in the paths
