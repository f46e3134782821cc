"""Django's CSP middleware with one addition: the Wagtail admin gets settings.ADMIN_CSP.

Public pages keep the strict SECURE_CSP (settings/csp.py); the admin's looser policy never
reaches them, and a view's own csp_override still wins everywhere.
"""

from django.conf import settings
from django.middleware import csp
from django.urls import reverse


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if not hasattr(response, "_csp_config") and is_admin(request):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)


def is_admin(request):
    # The page preview lives under this prefix too: it gets the admin's policy.
    return request.path_info.startswith(reverse("wagtailadmin_home"))
