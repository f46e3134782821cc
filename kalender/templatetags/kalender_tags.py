from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from kalender import datums
from kalender.datums import dag_label
from kalender.herhaling import TZ

register = template.Library()


@register.filter
def tijdstip(moment):
    """'19.00 tot 21.00 uur' or 'de hele dag', in Brussels time and the active language."""
    if moment.hele_dag:
        return _("de hele dag")
    start, einde = moment.lokale_start, moment.lokaal_einde
    if einde.date() != start.date():
        return _("%(start)s uur tot %(dag)s %(einde)s uur") % {
            "start": datums.uur(start),
            "dag": dag_label(einde.date()),
            "einde": datums.uur(einde),
        }
    return _("%(start)s tot %(einde)s uur") % {
        "start": datums.uur(start),
        "einde": datums.uur(einde),
    }


@register.filter
def uur(tijd):
    """'19.00' in Dutch, '19:00' elsewhere (kalender/datums.py)."""
    return datums.uur(tijd)


@register.filter
def dag(moment):
    return dag_label(moment.lokale_start.date())


@register.filter
def iso_lokaal(moment):
    return timezone.localtime(moment, TZ).isoformat()
