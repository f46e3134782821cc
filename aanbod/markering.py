"""Matched words in <mark>: the search seam says which terms matched, the text module which
words of a title or summary carry them; everything else is escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from preventiezoeker.search.text import TOKEN_PATTERN, word_forms

_WORD = re.compile(TOKEN_PATTERN)


def markeer(text, terms):
    """Escape `text` and wrap the words whose stem or folded form is in `terms` in <mark>."""
    if not text:
        return mark_safe("")
    if not terms:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        stem, exact = word_forms(word)
        if (stem and stem in terms) or (exact and exact in terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece of `text` went through escape()
