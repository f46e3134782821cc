"""The search page's feed links: the same valid filters as the feeds' own self links."""

from django import template

from aanbod.feeds import feed_query

register = template.Library()


@register.simple_tag
def aanbod_feed_query(zoek):
    """The filters of a Zoekresultaat as the feeds' query string ("" without filters)."""
    return feed_query(zoek.text, zoek.filters, getattr(zoek, "zonder", None))
