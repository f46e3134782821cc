from django.apps import AppConfig


class LockoutConfig(AppConfig):
    """Login guessing (django-axes): the coordinator's unlock view and the Dutch lockout page."""

    name = "preventiezoeker.lockout"
    label = "lockout"
    verbose_name = "Aanmeldpogingen"
