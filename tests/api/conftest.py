from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest

# The calendar's fixtures, for the calendar endpoint's tests.
from tests.kalender.conftest import dinsdag, ledeberg, vocab  # noqa: F401


@pytest.fixture
def wsgi_app():
    """The project's WSGI app for schemathesis, minus Django's per-request connection clean-up.

    A real request ends with close_old_connections(), which closes a connection inside the
    test's transaction (PostgreSQL: "the connection is closed", then every later request fails).
    Django's test client disconnects it the same way, but connects it again after each of its
    own requests: so it is disconnected before every call."""
    app = get_wsgi_application()

    def zonder_opruimen(environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        return app(environ, start_response)

    yield zonder_opruimen
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
