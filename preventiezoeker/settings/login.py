"""Login guessing limits (django-axes): filled in by issue 11."""
