"""The freshness loop (issue 12): when an offer is due for a check, and when it is stale."""

import os

# Months after "laatst nagekeken" an offer is due: its organisation gets a mail.
AANBOD_NAKIJKEN_NA_MAANDEN = int(os.environ.get("AANBOD_NAKIJKEN_NA_MAANDEN", "6"))
# Months after which nobody checked it: "Mogelijk niet meer actueel" (or hidden, by choice).
AANBOD_VEROUDERD_NA_MAANDEN = int(os.environ.get("AANBOD_VEROUDERD_NA_MAANDEN", "12"))
