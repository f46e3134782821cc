"""Break the configured engine's index the way a fault would, for tests of what users then see.

Whoosh: an empty, corrupt or missing index directory (MODES, any path), or damage to an index
built at the path (DAMAGE): a segment cut short, a segment with altered bytes of the same size,
a generation committed by something that keeps no manifest (an old worker). PostgreSQL: the
search tables lose their state row (never built, or wiped by hand) and, for "corrupt", hold
nonsense; the data tables stay whole, so a rebuild repairs it. Everything is rolled back with
the test's transaction.
"""

import os

from django.db import connection

from preventiezoeker.search import get_backend, reset_backend

MODES = ("leeg", "corrupt", "weg")
DAMAGE = ("afgekapt", "ruis", "vreemd")


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
    elif how in DAMAGE:
        damage_index(path, how)
    # "weg": the directory does not exist at all
    reset_backend()


def largest_segment(path):
    return max(path.glob("*.seg"), key=lambda p: p.stat().st_size)


def damage_index(path, how):
    """Damage the Whoosh index built at `path`."""
    if how == "vreemd":
        from whoosh.index import open_dir

        open_dir(str(path)).writer().commit()  # a new generation, in no manifest
        return
    segment = largest_segment(path)
    size = segment.stat().st_size
    if how == "afgekapt":
        os.truncate(segment, size // 2)
    elif how == "ruis":
        with open(segment, "r+b") as handle:
            handle.seek(size // 2)
            flipped = bytes(b ^ 0xFF for b in handle.read(64))
            handle.seek(size // 2)
            handle.write(flipped)
