from django import template
from django.utils import timezone

from kalender.datums import dag_label
from kalender.herhaling import TZ

register = template.Library()


@register.filter
def tijdstip(moment):
    """'19.00 tot 21.00 uur' or 'de hele dag', in Brussels time."""
    if moment.hele_dag:
        return "de hele dag"
    start, einde = moment.lokale_start, moment.lokaal_einde
    if einde.date() != start.date():
        return f"{start:%H.%M} uur tot {dag_label(einde.date())} {einde:%H.%M} uur"
    return f"{start:%H.%M} tot {einde:%H.%M} uur"


@register.filter
def dag(moment):
    return dag_label(moment.lokale_start.date())


@register.filter
def iso_lokaal(moment):
    return timezone.localtime(moment, TZ).isoformat()
