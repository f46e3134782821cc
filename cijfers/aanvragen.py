"""Gezondheidsgids requests in the referral figures: how many, by status, wijk, language and task
type, and the wait from request to "gekoppeld". Counts only: a request's caregiver, e-mail and
question never leave the database here (no query selects them)."""

import datetime

from django.db.models import Count, F, FloatField, Func, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from aanbod.models import Wijk
from doorverwijzing.enums import Status, Taak
from doorverwijzing.models import Aanvraag

from .grafiek import lijndiagram, staafdiagram
from .tabel import Tabel

NIET_OPGEGEVEN = "Niet opgegeven"
# The wait in whole days, as buckets: (label, more than, at most) in days.
WACHTTIJDEN = (
    ("Binnen 1 dag", None, 1),
    ("2 tot 3 dagen", 1, 3),
    ("4 tot 7 dagen", 3, 7),
    ("8 tot 14 dagen", 7, 14),
    ("Meer dan 14 dagen", 14, None),
)
EPS = 1e-6  # days as floats: exactly one day may come out a hair above 1
MAANDNAMEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def begin_van(dag):
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def aanvragen(periode):
    """Requests received in the period (its first to its last day, local time)."""
    return Aanvraag.objects.filter(
        aangemaakt__gte=begin_van(periode.van), aangemaakt__lt=begin_van(periode.tot_exclusief)
    ).order_by()


class DagenTussen(Func):
    """Days from the second timestamp to the first, as a number, in SQL. Django's own duration
    arithmetic runs a Python function per row on SQLite (1.2 s for 2,500 requests)."""

    arity = 2
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(julianday(%(expressions)s))",
                           arg_joiner=") - julianday(", **extra)  # fmt: skip

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ", **extra,
        )  # fmt: skip


def _wacht():
    return DagenTussen(F("gekoppeld_op"), F("aangemaakt"))


def mediaan(queryset):
    """The median wait in days of the matched requests of `queryset`, or None: the middle one
    or two values fetched by offset, so no request is loaded whole."""
    gekoppeld = queryset.filter(gekoppeld_op__isnull=False)
    n = gekoppeld.count()
    if not n:
        return None
    midden = list(
        gekoppeld.annotate(wacht=_wacht())
        .order_by("wacht", "pk")
        .values_list("wacht", flat=True)[(n - 1) // 2 : n // 2 + 1]
    )
    return round(sum(midden) / len(midden), 1)


def _maand(waarde):
    if isinstance(waarde, datetime.datetime):
        return timezone.localtime(waarde).date() if timezone.is_aware(waarde) else waarde.date()
    return waarde


def wachttijd_tabel(periode):
    qs = aanvragen(periode).annotate(wacht=_wacht())
    buckets = {
        f"b{i}": Count(
            "pk",
            filter=Q(gekoppeld_op__isnull=False)
            & (Q(wacht__gt=lo + EPS) if lo is not None else Q())
            & (Q(wacht__lte=hi + EPS) if hi is not None else Q()),
        )
        for i, (_label, lo, hi) in enumerate(WACHTTIJDEN)
    }
    per_maand = {
        _maand(row["m"]): row
        for row in qs.annotate(m=TruncMonth("aangemaakt"))
        .values("m")
        .annotate(
            n=Count("pk"),
            gekoppeld=Count("pk", filter=Q(gekoppeld_op__isnull=False)),
            zonder_datum=Count(
                "pk",
                filter=Q(gekoppeld_op__isnull=True)
                & Q(status__in=[Status.GEKOPPELD, Status.AFGEROND]),
            ),
            **buckets,
        )
    }
    rijen = []
    for maand in periode.maanden():
        row = per_maand.get(maand)
        if row is None:
            rijen.append([maand_label(maand), 0, 0, "–", *([0] * len(WACHTTIJDEN)), 0])
            continue
        binnen = aanvragen(periode).filter(
            aangemaakt__gte=begin_van(maand), aangemaakt__lt=begin_van(_volgende(maand))
        )
        m = mediaan(binnen)
        rijen.append([
            maand_label(maand), row["n"], row["gekoppeld"], "–" if m is None else m,
            *(row[f"b{i}"] for i in range(len(WACHTTIJDEN))), row["zonder_datum"],
        ])  # fmt: skip
    heeft = any(r[1] for r in rijen)
    geheel = mediaan(aanvragen(periode))
    voet = [
        "Hele periode", *(sum(r[i] for r in rijen) for i in (1, 2)),
        "–" if geheel is None else geheel,
        *(sum(r[i] for r in rijen) for i in range(4, 5 + len(WACHTTIJDEN))),
    ]  # fmt: skip
    return Tabel(
        naam="aanvragen-wachttijd",
        titel="Aanvragen gezondheidsgids per maand: tijd tot gekoppeld",
        kolommen=[
            "Maand", "Aanvragen", "Gekoppeld", "Mediaan (dagen)",
            *(label for label, _lo, _hi in WACHTTIJDEN), "Gekoppeld, datum onbekend",
        ],
        rijen=rijen if heeft else [], voet=voet if heeft else [],
        uitleg=(
            "Een aanvraag telt in de maand waarin ze binnenkwam. De tijd loopt van de aanvraag "
            "tot de eerste koppeling aan een gids; de mediaan is de middelste wachttijd. "
            "Aanvragen die gekoppeld werden voor we dat moment bijhielden, staan bij "
            "'Gekoppeld, datum onbekend' en tellen niet mee in de wachttijd."
        ),
        grafiek=lijndiagram(
            "Aanvragen en koppelingen per maand", [r[0] for r in rijen],
            [("Aanvragen", [r[1] for r in rijen]), ("Gekoppeld", [r[2] for r in rijen])],
        ) if heeft else "",
    )  # fmt: skip


def maand_label(maand):
    return f"{MAANDNAMEN[maand.month - 1]} {maand.year}"


def _volgende(maand):
    return (maand + datetime.timedelta(days=32)).replace(day=1)


def _verdeling(naam, titel, kop, paren, uitleg):
    """A table of (label, n) with its bar chart, rows with zero kept (they stand out)."""
    rijen = [[label, n] for label, n in paren]
    heeft = any(n for _label, n in rijen)
    return Tabel(
        naam=naam, titel=titel, kolommen=[kop, "Aanvragen"], rijen=rijen if heeft else [],
        uitleg=uitleg, grafiek=staafdiagram(titel, rijen) if heeft else "",
    )  # fmt: skip


def _tel(queryset, sleutel):
    return dict(queryset.values_list(sleutel).annotate(n=Count("pk", distinct=True)))


def aanvraag_tabellen(periode):
    qs = aanvragen(periode)
    status = _tel(qs, "status")
    wijken = _tel(qs, "wijk__label")
    talen = _tel(qs, "talen__label")
    taken = _tel(qs, "taak")
    ontvangen = "Aanvragen die in de periode binnenkwamen."
    return [
        wachttijd_tabel(periode),
        _verdeling(
            "aanvragen-status", "Aanvragen per status", "Status",
            [(label, status.get(value, 0)) for value, label in Status.choices],
            f"{ontvangen} De status van vandaag.",
        ),
        _verdeling(
            "aanvragen-wijk", "Aanvragen per wijk van de cliënt", "Wijk",
            [*((w, wijken.get(w, 0)) for w in Wijk.objects.values_list("label", flat=True)),
             (NIET_OPGEGEVEN, wijken.get(None, 0))],
            ontvangen,
        ),
        _verdeling(
            "aanvragen-taal", "Aanvragen per taal van de cliënt", "Taal",
            sorted(((t or NIET_OPGEGEVEN, n) for t, n in talen.items()), key=lambda p: -p[1]),
            f"{ontvangen} Een aanvraag met twee talen telt bij elke taal mee.",
        ),
        _verdeling(
            "aanvragen-taak", "Aanvragen per soort ondersteuning", "Soort ondersteuning",
            [(str(label), taken.get(value, 0)) for value, label in Taak.choices],
            ontvangen,
        ),
    ]  # fmt: skip
