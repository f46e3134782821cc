import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="preventiezoeker-media-"))
SEARCH_INDEX_DIR = Path(
    os.environ.get("PREVENTIEZOEKER_INDEX_DIR") or tempfile.mkdtemp(prefix="preventiezoeker-index-")
)
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="preventiezoeker-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A fresh clone has no var/: commands run with these settings (check, makemigrations
    # --check) get a throwaway file; pytest itself uses an in-memory database.
    DATABASES["default"]["NAME"] = Path(tempfile.mkdtemp(prefix="pz-db-")) / "db.sqlite3"  # noqa: F405
# Self-healing search (preventiezoeker/search/heal.py) starts no threads behind a test's back:
# tests/search/test_heal_sync.py turns it on; background jobs run at once unless a test asks.
SEARCH_AUTO_HEAL = False
SEARCH_JOBS = "inline"
# Likewise the outbox's retries on requests (tests/doorverwijzing/test_outbox.py turns them on).
OUTBOX_SEND_ON_REQUEST = False
