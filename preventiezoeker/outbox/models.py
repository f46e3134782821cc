from django.db import models
from django.utils import timezone

from preventiezoeker.outbox.conf import max_attempts


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now, max_attempts):
        """Unsent, not given up, its retry time reached, and not claimed by a live sender."""
        return self.filter(
            sent_at__isnull=True, attempts__lt=max_attempts, next_attempt__lte=now
        ).filter(models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lt=now))

    def given_up(self, max_attempts):
        return self.filter(sent_at__isnull=True, attempts__gte=max_attempts)


class OutgoingMail(models.Model):
    """One e-mail, stored in the transaction that caused it and sent after the commit."""

    to = models.JSONField("aan", help_text="List of addresses.")
    reply_to = models.JSONField("antwoord naar", default=list, blank=True)
    from_email = models.CharField("van", max_length=254)
    subject = models.CharField("onderwerp", max_length=255)
    body = models.TextField("tekst")
    html = models.TextField("HTML", blank=True)
    # A mail whose address was promised not to be kept (a mailed selection) is deleted once sent.
    delete_when_sent = models.BooleanField(default=False)
    created = models.DateTimeField("aangemaakt", default=timezone.now, editable=False)
    attempts = models.PositiveIntegerField("pogingen", default=0)
    next_attempt = models.DateTimeField("volgende poging", default=timezone.now, db_index=True)
    # A sender's lease: while in the future, no other sender takes this mail.
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("verstuurd", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = "uitgaande e-mail"
        verbose_name_plural = "uitgaande e-mails"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.subject} ({', '.join(self.to)})"

    @property
    def given_up(self):
        return self.sent_at is None and self.attempts >= max_attempts()

    def toestand(self):
        if self.sent_at:
            return "Verstuurd"
        return "Opgegeven: stuur zelf door" if self.given_up else "Wacht nog"

    toestand.short_description = "toestand"
