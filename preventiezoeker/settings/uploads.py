"""Upload limits and checks: filled in by issue 11."""
