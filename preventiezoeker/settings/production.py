"""Public deploy: everything comes from the environment; refuses to start half-configured."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, STATIC_ROOT, env_list

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Zet DJANGO_SECRET_KEY (minstens 50 tekens) voor productie.")

SECURE_SSL_REDIRECT = True
# A load balancer asks over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Zet DJANGO_ALLOWED_HOSTS voor productie.")
# SAMEORIGIN (base.py), not DENY: Wagtail's live preview frames our own pages.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Where `collectstatic` writes and WhiteNoise serves from; by default static_collected/ in the
# checkout. Every server needs the same files (run collectstatic on each, or share the folder).
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or STATIC_ROOT)
