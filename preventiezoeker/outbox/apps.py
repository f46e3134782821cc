from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Outgoing e-mail stored first and sent with retries: a mail outage never loses a message."""

    name = "preventiezoeker.outbox"
    label = "outbox"
    verbose_name = "Uitgaande e-mail"
