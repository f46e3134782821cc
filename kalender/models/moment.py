"""Stored moments: the concrete occurrences of the published activities."""

import datetime

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .. import herhaling as hh
from .activiteit import ActiviteitPage


class MomentQuerySet(models.QuerySet):
    def zichtbaar(self):
        return self.filter(activiteit__in=ActiviteitPage.objects.zichtbaar().values("pk"))

    def overlapping(self, van: datetime.datetime, tot: datetime.datetime):
        """Moments that touch [van, tot): two indexed comparisons."""
        return self.filter(start__lt=tot, einde__gt=van)

    def komend(self, now=None):
        return self.filter(einde__gt=now or timezone.now()).order_by("start", "pk")

    def volgende_per_aanbod(self, aanbod_ids, aantal, now=None):
        """{aanbod_id: [the next `aantal` moments of its activities, with .activiteit loaded]}
        for every id asked, in one query: a row number per offer keeps the answer bounded
        however busy one offer is."""
        aanbod_ids = list(dict.fromkeys(aanbod_ids))
        result = {pk: [] for pk in aanbod_ids}
        if not aanbod_ids or aantal < 1:
            return result
        rows = (
            self.filter(activiteit__aanbod_id__in=aanbod_ids)
            .komend(now)
            .annotate(
                rang=Window(
                    RowNumber(),
                    partition_by=F("activiteit__aanbod_id"),
                    order_by=[F("start").asc(), F("pk").asc()],
                )
            )
            .filter(rang__lte=aantal)
            .select_related("activiteit")
        )
        for moment in rows:
            result[moment.activiteit.aanbod_id].append(moment)
        return result


class Moment(models.Model):
    """One concrete occurrence of a published activity; derived data, rebuilt on publish.

    Stored so that a date-range query is two index comparisons instead of expanding every rule on
    every request."""

    activiteit = models.ForeignKey(
        ActiviteitPage, on_delete=models.CASCADE, related_name="momenten"
    )
    start = models.DateTimeField(db_index=True)
    einde = models.DateTimeField(db_index=True)
    hele_dag = models.BooleanField(default=False)
    uit_regel = models.BooleanField(default=False)

    objects = MomentQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = "moment"
        verbose_name_plural = "momenten"

    def __str__(self):
        return f"{self.activiteit_id} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def lokale_start(self):
        return timezone.localtime(self.start, hh.TZ)

    @property
    def lokaal_einde(self):
        return timezone.localtime(self.einde, hh.TZ)
