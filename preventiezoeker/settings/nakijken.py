"""The freshness loop (issue 12): when an offer is due for a check, and when it is stale."""

import os

# Months after "laatst nagekeken" an offer is due: its organisation gets a mail.
AANBOD_NAKIJKEN_NA_MAANDEN = int(os.environ.get("AANBOD_NAKIJKEN_NA_MAANDEN", "6"))
# Months after which nobody checked it: "Mogelijk niet meer actueel" (or hidden, by choice).
AANBOD_VEROUDERD_NA_MAANDEN = int(os.environ.get("AANBOD_VEROUDERD_NA_MAANDEN", "12"))
# Days after the first mail without a "klopt nog" before the partners get one reminder.
NAKIJKEN_HERINNERING_NA_DAGEN = int(os.environ.get("NAKIJKEN_HERINNERING_NA_DAGEN", "14"))
# Days after that reminder before the coordinators are told nobody answered.
NAKIJKEN_COORDINATOR_NA_DAGEN = int(os.environ.get("NAKIJKEN_COORDINATOR_NA_DAGEN", "14"))
# Days a "Klopt nog" link works after the last mail that carried it.
NAKIJKEN_LINK_GELDIG_DAGEN = int(os.environ.get("NAKIJKEN_LINK_GELDIG_DAGEN", "30"))
