"""Page numbers for the one pagination component (templates/components/paginering.html).

Registered under TEMPLATES OPTIONS "libraries" (settings/base.py): search and calendar both use
it, so it lives below both apps without an installed app of its own.
"""

from django import template

register = template.Library()


@register.simple_tag
def paginanummers(huidige, laatste, rond=2):
    """1 … 4 5 [6] 7 8 … 20: None marks a gap."""
    shown = {1, laatste, *range(huidige - rond, huidige + rond + 1)}
    numbers, previous = [], 0
    for n in sorted(p for p in shown if 1 <= p <= laatste):
        if n - previous > 1:
            numbers.append(None)
        numbers.append(n)
        previous = n
    return numbers
