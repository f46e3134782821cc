"""Import of offers from a spreadsheet (issue 12)."""

# The largest file accepted, in bytes.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
