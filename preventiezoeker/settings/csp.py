"""Content-Security-Policy (Django's built-in middleware, see preventiezoeker/csp.py).

Public pages: scripts only from our own origin or with the response's nonce, no inline styles,
no plugins, no <base>, forms only to ourselves. The Wagtail admin gets ADMIN_CSP instead.
"""

from django.utils.csp import CSP

# The one inline <style> of templates/500.html: that page is rendered without a request (so
# without a nonce) and must not depend on static files, which may be what broke.
# tests/test_csp.py recomputes it from the template.
FOUTPAGINA_STIJL = "'sha256-Xp0csAvOEnEdZ89jbvZ5Wn4/g3hHExiPg5RYjqy3KGg='"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, FOUTPAGINA_STIJL],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    # Wagtail's preview panel frames our pages; X_FRAME_OPTIONS = SAMEORIGIN says the same.
    "frame-ancestors": [CSP.SELF],
}

# The Wagtail admin (/admin/, its page preview included) runs inline scripts (inline panels,
# date widgets, chooser modals), sets style attributes and shows data: and blob: images (upload
# previews). A nonce would make browsers ignore 'unsafe-inline', so the admin gets none.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}

# No Gravatar pictures in the admin: they would tell gravatar.com which editor is logged in,
# and the admin's img-src allows no other site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
