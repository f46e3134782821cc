"""What makes a response an embed: any site may frame it, and only it.

Every other page keeps the site's policy (frame-ancestors 'self' and X-Frame-Options
SAMEORIGIN, settings/csp.py and settings/base.py). Embeds set no cookie: they use no session,
no CSRF token and no language cookie (the language comes from the URL prefix), so nothing here
has to strip one.
"""

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

# The strict public policy; only the framing is opened up. Scripts still need our nonce.
EMBED_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}


def insluitbaar(view):
    """The view's responses (its 404 included) may be framed by any site."""
    return xframe_options_exempt(csp_override(EMBED_CSP)(view))
