"""Content-Security-Policy (Django's built-in middleware): filled in by issue 11."""
