"""Login guessing limits (django-axes); the lockout page and the unlock view in
preventiezoeker/lockout/. Policy in the README ("Aanmelden").

Failures count per username *and* client address: a guesser elsewhere locks only themselves out,
the real user from their own address still logs in. No lockout is for good: it ends by itself
after the cool-off, or earlier when a coordinator unlocks it.
"""

import os
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

# The database handler: one store for every server and worker, on SQLite and PostgreSQL alike.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
# Trying again while locked does not push the end further, so the page can say when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "preventiezoeker.lockout.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "preventiezoeker.lockout.client_ip.client_ip"
# No log of every successful login (who, from where): the limit does not need it.
AXES_DISABLE_ACCESS_LOG = True
# Django's own admin is not routed; the unlock view lives in the Wagtail admin.
AXES_ENABLE_ADMIN = False

# How many reverse proxies we trust in front of the app. 0: the address is REMOTE_ADDR (the proxy
# must set it). N: the Nth address from the right in X-Forwarded-For, the one the outermost of
# our proxies saw; what the client wrote further left is ignored.
try:
    TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT") or 0)
except ValueError:
    TRUSTED_PROXY_COUNT = -1
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT moet 0 of een positief getal zijn.")
