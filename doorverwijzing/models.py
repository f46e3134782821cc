"""Referral data. Nothing here is about the client: a request holds the caregiver's professional
contact and the kind of support, never a client's name, address or health data."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from aanbod.validators import validate_telefoon
from doorverwijzing.enums import (
    MELDING_AFGEHANDELD,
    OVERGANGEN,
    Dringendheid,
    MeldingStatus,
    Soort,
    Status,
    Taak,
)


class GezondheidsgidsQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True)


class Gezondheidsgids(models.Model):
    """A volunteer community health worker the coordinator can match to a request."""

    naam = models.CharField(max_length=120)
    talen = models.ManyToManyField("aanbod.Taal", related_name="gezondheidsgidsen")
    wijken = models.ManyToManyField(
        "aanbod.Wijk", blank=True, related_name="gezondheidsgidsen",
        help_text="Leeg laten als de gids in heel Gent werkt.",
    )  # fmt: skip
    beschikbaarheid = models.CharField(
        max_length=255, blank=True, help_text="Bijvoorbeeld: maandag en donderdag overdag."
    )
    actief = models.BooleanField(default=True, help_text="Uitvinken als de gids (even) stopt.")

    objects = GezondheidsgidsQuerySet.as_manager()

    class Meta:
        verbose_name = "gezondheidsgids"
        verbose_name_plural = "gezondheidsgidsen"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class AanvraagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[Status.NIEUW, Status.GEKOPPELD])

    def gesloten_voor(self, moment):
        return self.filter(status__in=[Status.AFGEROND, Status.NIET_GELUKT], gewijzigd__lt=moment)

    def anonimiseer(self):
        """Drop the caregiver's contact and free text; keep what the monthly figures need."""
        return self.exclude(email="").update(
            organisatie="(geanonimiseerd)", naam="", email="", telefoon="", vraag="",
            toelichting="",
        )  # fmt: skip


class Aanvraag(models.Model):
    """A caregiver asks for a gezondheidsgids. Only the caregiver's own contact is stored."""

    # The referring caregiver (a professional, not the client).
    organisatie = models.CharField("organisatie van de hulpverlener", max_length=160)
    naam = models.CharField("naam van de hulpverlener", max_length=120)
    email = models.EmailField("e-mail van de hulpverlener")
    telefoon = models.CharField(
        "telefoon van de hulpverlener", max_length=30, blank=True, validators=[validate_telefoon]
    )
    # What a gids needs to match: no more.
    talen = models.ManyToManyField(
        "aanbod.Taal", related_name="aanvragen", verbose_name="talen van de cliënt"
    )
    wijk = models.ForeignKey(
        "aanbod.Wijk", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="aanvragen", verbose_name="wijk van de cliënt",
    )  # fmt: skip
    taak = models.CharField("soort ondersteuning", max_length=30, choices=Taak.choices)
    dringendheid = models.CharField(max_length=20, choices=Dringendheid.choices)
    vraag = models.TextField("vraag", max_length=1000)
    aanbod = models.ManyToManyField(
        "aanbod.AanbodPage", blank=True, related_name="+", verbose_name="aanbod"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NIEUW)
    gids = models.ForeignKey(
        Gezondheidsgids, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="aanvragen", verbose_name="gezondheidsgids",
    )  # fmt: skip
    toelichting = models.TextField(
        "toelichting voor de hulpverlener", blank=True,
        help_text="Komt in de e-mail bij een nieuwe status. Geen gegevens over de cliënt.",
    )  # fmt: skip
    aangemaakt = models.DateTimeField(default=timezone.now, editable=False)
    gewijzigd = models.DateTimeField(auto_now=True)
    # When a gids was first matched: the figures measure the wait from request to match.
    # Empty for requests matched before this field existed (nothing recorded the moment).
    gekoppeld_op = models.DateTimeField("gekoppeld op", null=True, blank=True, editable=False)
    # The site language the caregiver asked in: their mails follow it (the coordinator's not).
    taal = models.CharField("taal van de hulpverlener", max_length=8, default="nl", editable=False)

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        verbose_name = "aanvraag gezondheidsgids"
        verbose_name_plural = "aanvragen gezondheidsgids"
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"Aanvraag {self.pk} van {self.organisatie} ({self.get_status_display().lower()})"

    def save(self, *args, **kwargs):
        vorige = self.vorige_status
        if self.status == Status.GEKOPPELD and self.gekoppeld_op is None:
            self.gekoppeld_op = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "gekoppeld_op"}
        with transaction.atomic():  # the new status and its mail are stored together
            super().save(*args, **kwargs)
            if vorige is not None and vorige != self.status:
                from doorverwijzing.mails import mail_statuswijziging

                mail_statuswijziging(self)
        self._status_bij_laden = self.status

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        instance._status_bij_laden = instance.status
        return instance

    @property
    def vorige_status(self):
        return getattr(self, "_status_bij_laden", None)

    def clean(self):
        super().clean()
        vorige = self.vorige_status
        if vorige and self.status != vorige and self.status not in OVERGANGEN[Status(vorige)]:
            raise ValidationError(
                {
                    "status": f"Van '{Status(vorige).label}' kan je niet naar "
                    f"'{Status(self.status).label}'."
                }
            )
        if self.status in (Status.GEKOPPELD, Status.AFGEROND) and self.gids_id is None:
            raise ValidationError({"gids": "Kies eerst een gezondheidsgids."})


class CorrectiemeldingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[MeldingStatus.NIEUW, MeldingStatus.IN_BEHANDELING])

    def afgehandeld_voor(self, moment):
        return self.filter(status__in=MELDING_AFGEHANDELD, afgehandeld_op__lt=moment)

    def anonimiseer(self):
        """Drop the reporter's address; the report itself says nothing about them."""
        return self.exclude(email="").update(email="")


class Correctiemelding(models.Model):
    """A visitor's "Klopt er iets niet?" report: stored first, then mailed, so a mail outage
    loses nothing and the coordinator sees every report in the admin."""

    aanbod = models.ForeignKey(
        "aanbod.AanbodPage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="aanbod",
    )  # fmt: skip
    # The title as it was: the report stays readable when the offer is deleted.
    aanbod_titel = models.CharField("titel van het aanbod", max_length=255)
    bericht = models.TextField("wat klopt er niet", max_length=1000)
    email = models.EmailField("e-mail van de melder", blank=True)
    status = models.CharField(
        max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.NIEUW
    )
    aangemaakt = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # The follow-up; each step is also in the report's history (Wagtail log entries).
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="behandeld door",
    )  # fmt: skip
    in_behandeling_sinds = models.DateTimeField(null=True, blank=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    antwoord = models.TextField(
        "antwoord aan de melder", max_length=1000, blank=True,
        help_text="Komt in de e-mail aan de melder als die een adres naliet.",
    )  # fmt: skip
    # The site language of the report: the reporter's mail follows it (the partner's not).
    taal = models.CharField("taal van de melder", max_length=8, default="nl", editable=False)

    objects = CorrectiemeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "melding 'Klopt er iets niet?'"
        verbose_name_plural = "meldingen 'Klopt er iets niet?'"
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"Melding {self.pk} over {self.aanbod_titel}"


def eerste_van_de_maand(dag: datetime.date | None = None) -> datetime.date:
    dag = dag or timezone.localdate()
    return dag.replace(day=1)


class Telling(models.Model):
    """How often something happened with an offer in a month. Aggregated rows only: no IP,
    no session, no user, no time of day."""

    aanbod = models.ForeignKey(
        "aanbod.AanbodPage", on_delete=models.CASCADE, related_name="doorverwijstellingen"
    )
    maand = models.DateField(help_text="De eerste dag van de maand.")
    soort = models.CharField(max_length=20, choices=Soort.choices)
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "doorverwijstelling"
        verbose_name_plural = "doorverwijstellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["aanbod", "maand", "soort"], name="een_telling_per_aanbod_maand_soort"
            )
        ]
        ordering = ["-maand", "aanbod"]

    def __str__(self):
        return f"{self.maand:%Y-%m} {self.get_soort_display()}: {self.aantal}"

    @classmethod
    def tel(cls, aanbod_ids, soort, dag=None):
        """Add one to the count of each offer for this month."""
        maand = eerste_van_de_maand(dag)
        for aanbod_id in dict.fromkeys(aanbod_ids):
            row, _ = cls.objects.get_or_create(aanbod_id=aanbod_id, maand=maand, soort=soort)
            cls.objects.filter(pk=row.pk).update(aantal=F("aantal") + 1)
