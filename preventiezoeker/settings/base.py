"""Settings shared by every environment: secure by default, production values from the environment.

dev.py and test.py relax what they must; production.py only adds what a public deploy needs.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Runtime data (SQLite file, search index, uploads) stays out of the source tree.
VAR_DIR = Path(os.environ.get("PREVENTIEZOEKER_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "schrijfhulp",
    "aanbod",
    "kalender",
    "doorverwijzing",
    "nakijken",
    "importeren",
    "cijfers",
    "insluiten",
    "api",
    "preventiezoeker.search",
    "preventiezoeker.versies",
    "preventiezoeker.lockout",
    "preventiezoeker.outbox",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's search tables on PostgreSQL need it (postgres.E005); harmless on SQLite.
    "django.contrib.postgres",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Django's built-in CSP (settings/csp.py); the admin's looser policy in preventiezoeker/csp.py.
    "preventiezoeker.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A save that meets a held write lock (a large import) gets a clear page, not a 500.
    "importeren.bezet.BezetMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After each response, at most every 30 s per process: send mail that is due again.
    "preventiezoeker.outbox.retry.OutboxMiddleware",
    # Last, as django-axes asks: counts failed logins (settings/login.py).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "preventiezoeker.urls"
WSGI_APPLICATION = "preventiezoeker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                # LANGUAGE_CODE and LANGUAGE_BIDI for <html lang dir> (templates/base.html).
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "doorverwijzing.context_processors.selectie",
            ],
            # Tags shared by several apps that belong to none (pagination, language choice).
            "libraries": {
                "paginering": "preventiezoeker.templatetags.paginering",
                "talen": "preventiezoeker.templatetags.talen",
            },
        },
    },
]

# SQLite by default so a fresh clone runs with one command; DATABASE_URL switches to PostgreSQL.
# WAL + IMMEDIATE: several gunicorn workers may write without "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
# PostgreSQL: no statement may run longer than a gunicorn worker lives (30 s), nor wait on a
# lock for long; maintenance commands that need longer lift it with SET statement_timeout = 0.
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT_MS", 20_000))
DB_LOCK_TIMEOUT_MS = int(os.environ.get("DJANGO_DB_LOCK_TIMEOUT_MS", 5_000))


def database_from_url(url):
    database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        options["options"] = " ".join(
            filter(None, [
                options.get("options", ""),
                f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS:d}",
                f"-c lock_timeout={DB_LOCK_TIMEOUT_MS:d}",
            ])
        )  # fmt: skip
    return database


if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
    # Searches only read: they may go to a replica (SEARCH_DATABASE below).
    if os.environ.get("DATABASE_REPLICA_URL"):
        DATABASES["replica"] = database_from_url(os.environ["DATABASE_REPLICA_URL"])
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public site in five languages (issue 13): Dutch at today's URLs, the others under
# /fr/, /en/, /ar/, /tr/ (preventiezoeker/urls.py). Names in their own language: the language
# choice shows them so. Unprefixed URLs (admin, API, mails' links) are always Dutch.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
]
# The project's own strings; kalender/ and doorverwijzing/ keep theirs in their app's locale/.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security headers that hold in every environment; production.py adds the HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel frames our own pages
SESSION_COOKIE_HTTPONLY = True

EMAIL_BACKEND_PATH = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        # Only the SMTP backend takes a host: another backend (console, file) refuses them.
        "OPTIONS": (
            {
                "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
                "use_tls": os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1",
            }
            if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "preventiezoeker@stad.gent")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# "ratelimit" (mail and report forms, doorverwijzing/ratelimit.py) must be shared by all
# workers and servers. Several servers (REDIS_URL): both caches in that one Redis; short
# timeouts so a dead Redis costs milliseconds (the rate limit then fails open). One machine
# without Redis: a directory on this machine shares the limits without an extra service.


def redis_caches(url):
    return {
        alias: {
            # "default" is only a cache: a dead Redis makes it miss, not fail (cache.py).
            "BACKEND": (
                "preventiezoeker.cache.FailSoftRedisCache"
                if alias == "default"
                else "django.core.cache.backends.redis.RedisCache"
            ),
            "LOCATION": url,
            "KEY_PREFIX": f"pz-{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        for alias in ("default", "ratelimit")
    }


if os.environ.get("REDIS_URL"):
    CACHES = redis_caches(os.environ["REDIS_URL"])
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PREVENTIEZOEKER_RATELIMIT_DIR", str(VAR_DIR / "ratelimit")),
        },
    }

# Wagtail
WAGTAIL_SITE_NAME = "Preventiezoeker Gent"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Pasting a page URL in the link chooser would reveal that page's draft title to any editor.
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""

# The public search index (issue 3): an on-disk directory, one per environment.
SEARCH_INDEX_DIR = Path(os.environ.get("PREVENTIEZOEKER_INDEX_DIR", VAR_DIR / "index"))
# The engine behind preventiezoeker.search (a SearchBackend subclass, dotted path): the
# embedded on-disk index with SQLite, PostgreSQL's own tables with PostgreSQL (every server
# then reads the same truth). PREVENTIEZOEKER_SEARCH_BACKEND overrides either.
SEARCH_BACKEND = os.environ.get("PREVENTIEZOEKER_SEARCH_BACKEND") or (
    "preventiezoeker.search.pg_backend.PostgresBackend"
    if DATABASES["default"]["ENGINE"].endswith("postgresql")
    else "preventiezoeker.search.whoosh_backend.WhooshBackend"
)
# The database alias searches read from: "replica" when DATABASE_REPLICA_URL is set.
SEARCH_DATABASE = os.environ.get(
    "PREVENTIEZOEKER_SEARCH_DATABASE", "replica" if "replica" in DATABASES else "default"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Each concern in its own module, so this file stays the map.
from .csp import *  # noqa: E402,F403
from .importeren import *  # noqa: E402,F403
from .login import *  # noqa: E402,F403
from .nakijken import *  # noqa: E402,F403
from .uploads import *  # noqa: E402,F403
