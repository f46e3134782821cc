"""The language choice of every public page and its <link rel="alternate" hreflang> (issue 13).

Registered under TEMPLATES OPTIONS "libraries" (settings/base.py), like paginering. Each link is
the same page (same URL name and arguments, reversed in the other language) with the same query
string, so filters survive a change of language. Pages outside i18n_patterns (the "Klopt nog"
page for partners) get no choice: every language would give the same URL.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

register = template.Library()


@dataclass(frozen=True)
class TaalLink:
    code: str
    naam: str  # in its own language
    url: str
    huidig: bool
    rtl: bool


def taal_links_voor(request):
    """[TaalLink] for this request's page in every language of settings.LANGUAGES, or []."""
    if request is None:
        return []
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return []
    query = request.GET.urlencode()
    huidig = translation.get_language()
    links = []
    for code, naam in settings.LANGUAGES:
        with translation.override(code):
            try:
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return []
        links.append(
            TaalLink(
                code=code,
                naam=naam,
                url=f"{url}?{query}" if query else url,
                huidig=code == huidig,
                rtl=translation.get_language_info(code)["bidi"],
            )
        )
    if len({link.url for link in links}) < len(links):
        return []
    return links


@register.simple_tag(takes_context=True)
def taal_links(context):
    return taal_links_voor(context.get("request"))
