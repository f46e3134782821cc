"""A save that meets a held write lock gets a clear page, never a 500.

On SQLite one transaction writes at a time: while an import applies its rows, another save
waits for the lock (up to the connection's timeout, 20 s) and then fails with "database is
locked" ("database table is locked" with a shared cache); on PostgreSQL a row the import
holds (its organisation) fails after lock_timeout.
Nothing of that save was written (its transaction rolled back), so the page says so and asks
to try again in a minute; 503 with Retry-After tells machines the same.
"""

from django.db import OperationalError
from django.template.response import TemplateResponse

OPNIEUW_NA = 60  # seconds


def is_bezet(error):
    tekst = str(error).lower()
    return isinstance(error, OperationalError) and ("is locked" in tekst or "lock timeout" in tekst)


class BezetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_bezet(exception):
            return None
        response = TemplateResponse(request, "importeren/bezet.html", status=503)
        response["Retry-After"] = str(OPNIEUW_NA)
        return response.render()
