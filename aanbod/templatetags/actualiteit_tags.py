"""{% load actualiteit_tags %}: the freshness rule (aanbod.actualiteit) in templates, without a
query (it reads the offer's laatst_nagekeken only)."""

from django import template

from aanbod.actualiteit import is_verouderd

register = template.Library()


@register.filter
def verouderd(page):
    return getattr(page, "laatst_nagekeken", None) is not None and is_verouderd(page)
