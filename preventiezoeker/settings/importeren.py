"""Import of offers from a spreadsheet (issue 12)."""

# The largest file accepted, in bytes, checked before the file is opened.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
# The most offers in one file: a larger file is refused while reading, not after.
IMPORT_MAX_RIJEN = 2000
# "thread": applying runs after the response, in a background thread, and a progress page
# follows it; "inline": in the request itself (tests).
IMPORT_VERWERKING = "thread"
# The cache holding an import's progress: shared by every worker (a directory on one
# machine, Redis with REDIS_URL), because the import's own transaction is not visible yet.
IMPORT_VOORTGANG_CACHE = "ratelimit"
