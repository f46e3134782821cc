"""Break the configured engine's index the way a fault would, for tests of what users then see.

Whoosh: an empty, corrupt or missing index directory. PostgreSQL: the search tables lose their
state row (never built, or wiped by hand) and, for "corrupt", hold nonsense; the data tables stay
whole, so a rebuild repairs it. Everything is rolled back with the test's transaction.
"""

from django.db import connection

from preventiezoeker.search import get_backend, reset_backend

MODES = ("leeg", "corrupt", "weg")


def on_postgres_engine():
    return getattr(get_backend(), "transactional", False)


def break_index(settings, path, how):
    if on_postgres_engine():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_state")
            if how == "corrupt":
                cursor.execute("UPDATE search_posting SET impact = 'NaN', term = term || '~'")
        reset_backend()
        return
    settings.SEARCH_INDEX_DIR = path
    if how == "leeg":
        path.mkdir(parents=True)
    elif how == "corrupt":
        path.mkdir(parents=True, exist_ok=True)
        for segment in path.iterdir():
            segment.write_bytes(b"\x00" * 32)
        (path / "_MAIN_1.toc").write_bytes(b"\x00geen whoosh\xff" * 20)
        (path / "MAIN_abc.seg").write_bytes(b"kapot")
    # "weg": the directory does not exist at all
    reset_backend()
