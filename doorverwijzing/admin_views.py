"""Admin reports: monthly requests per wijk and language (coordinator), and the anonymous
referral counts per offer (a partner sees only its own offers).

Coordinators have a fuller version of both in a higher app (the Cijfers section): it registers
itself under the hook ELDERS, and these views send coordinators there."""

import csv
import datetime
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from aanbod.models import AanbodPage
from doorverwijzing.enums import Soort
from doorverwijzing.models import Aanvraag, Telling
from preventiezoeker.permissions import can_publish_somewhere, editable_pages

MAANDEN = 12
# Column headers that fit at 1280 px; the full label is the header's title and in the legend.
KORT = {
    Soort.FICHE: "Fiche",
    Soort.GEDEELD: "Gedeeld",
    Soort.GEMAILD: "Gemaild",
    Soort.GIDS: "Gids gevraagd",
}
# Hook: fn(request, rapport) -> the URL where this user finds `rapport` now, or None.
ELDERS = "doorverwijzing_rapport_elders"


def elders(request, rapport):
    for hook in hooks.get_hooks(ELDERS):
        if url := hook(request, rapport):
            return url
    return None


class RapportMixin(WagtailAdminTemplateMixin):
    """Permission, the move to the coordinator's section, and a header with the report's own
    title (the default breadcrumbs alone made the header read "Home")."""

    rapport = ""

    def mag(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.mag(request.user):
            raise PermissionDenied
        if url := elders(request, self.rapport):
            return redirect(url)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{self.rapport}:index"), "label": self.page_title},
        ]


def maanden_terug(aantal=MAANDEN, vandaag=None):
    dag = (vandaag or timezone.localdate()).replace(day=1)
    result = []
    for _ in range(aantal):
        result.append(dag)
        dag = (dag - datetime.timedelta(days=1)).replace(day=1)
    return result[::-1]


def mag_aanvragen_zien(user):
    return user.is_active and user.has_perm("doorverwijzing.view_aanvraag")


def eigen_aanbod(user):
    """Offers whose counts this user may see: all for coordinators, else those below pages the
    user may edit (a partner's own organisation). None means all."""
    if user.is_superuser or can_publish_somewhere(user):
        return None
    own = editable_pages(user)
    paths = list(own.values_list("path", flat=True))
    if not paths:
        return AanbodPage.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return AanbodPage.objects.filter(condition)


def csv_antwoord(naam, kop, rijen):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with accents only with a BOM
    writer = csv.writer(response, delimiter=";")  # Belgian Excel expects ;
    writer.writerow(kop)
    writer.writerows([[veilig(cel) for cel in rij] for rij in rijen])
    return response


def veilig(cel):
    """A title like '=HYPERLINK(...)' must stay text in a spreadsheet."""
    if isinstance(cel, str) and cel[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cel
    return cel


def mag_tellingen_zien(user):
    """Coordinators, and every editor with rights on (part of) the page tree: a partner."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or can_publish_somewhere(user):
        return True
    return editable_pages(user).exists()


class AanvragenPerMaandView(RapportMixin, TemplateView):
    template_name = "doorverwijzing/admin/aanvragen_per_maand.html"
    page_title = "Aanvragen gezondheidsgids per maand"
    header_icon = "date"
    rapport = "aanvragen-per-maand"

    def mag(self, user):
        return mag_aanvragen_zien(user)

    def get(self, request, *args, **kwargs):
        if request.GET.get("formaat") != "csv":
            return super().get(request, *args, **kwargs)
        context = self.get_context_data()
        kop = ["soort", "waarde", *(f"{m:%Y-%m}" for m in context["maanden"]), "totaal"]
        rijen = [
            [soort, label, *aantallen, som]
            for soort, tabel in (("wijk", context["per_wijk"]), ("taal", context["per_taal"]))
            for label, aantallen, som in tabel
        ]
        return csv_antwoord("aanvragen-per-maand", kop, rijen)

    def tabel(self, maanden, sleutel):
        rows = (
            Aanvraag.objects.filter(aangemaakt__date__gte=maanden[0])
            .annotate(maand=TruncMonth("aangemaakt"))
            .values("maand", sleutel)
            .order_by()
        )
        counts = defaultdict(lambda: defaultdict(int))
        for row in rows:
            # Counting rows, not distinct requests: a request in Arabic and French counts once
            # under each language, which is what a language planning question needs.
            maand = row["maand"]
            maand = maand.date() if isinstance(maand, datetime.datetime) else maand
            counts[row[sleutel] or "(niet opgegeven)"][maand] += 1
        return [
            (label, [counts[label].get(m, 0) for m in maanden], sum(counts[label].values()))
            for label in sorted(counts)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        maanden = maanden_terug()
        context.update(
            maanden=maanden,
            per_wijk=self.tabel(maanden, "wijk__label"),
            per_taal=self.tabel(maanden, "talen__label"),
            totaal=[
                Aanvraag.objects.filter(
                    aangemaakt__date__gte=m,
                    aangemaakt__date__lt=(m + datetime.timedelta(days=32)).replace(day=1),
                ).count()
                for m in maanden
            ],
        )
        return context


class TellingenView(RapportMixin, TemplateView):
    template_name = "doorverwijzing/admin/tellingen.html"
    page_title = "Doorverwijzingen per aanbod"
    header_icon = "doc-full"
    rapport = "doorverwijzingen"

    def mag(self, user):
        return mag_tellingen_zien(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        maanden = maanden_terug()
        tellingen = Telling.objects.filter(maand__gte=maanden[0])
        scope = eigen_aanbod(self.request.user)
        if scope is not None:
            tellingen = tellingen.filter(aanbod__in=scope.values("pk"))
        rows = defaultdict(lambda: dict.fromkeys(Soort.values, 0))
        titels = {}
        for row in tellingen.values("aanbod", "aanbod__title", "maand", "soort").annotate(
            n=Sum("aantal")
        ):
            rows[(row["maand"], row["aanbod"])][row["soort"]] += row["n"]
            titels[row["aanbod"]] = row["aanbod__title"]
        context["soorten"] = [(KORT[value], label) for value, label in Soort.choices]
        context["rijen"] = [
            {
                "maand": maand,
                "aanbod": titels[aanbod],
                "aanbod_id": aanbod,
                "aantallen": [rows[(maand, aanbod)][s] for s in Soort.values],
            }
            for maand, aanbod in sorted(rows, key=lambda k: (-k[0].toordinal(), titels[k[1]]))
        ]
        context["alles"] = scope is None
        return context

    def get(self, request, *args, **kwargs):
        if request.GET.get("formaat") != "csv":
            return super().get(request, *args, **kwargs)
        context = self.get_context_data()
        kop = ["maand", "aanbod", "aanbod_id", *(label for _value, label in Soort.choices)]
        rijen = [
            [f"{r['maand']:%Y-%m}", r["aanbod"], r["aanbod_id"], *r["aantallen"]]
            for r in context["rijen"]
        ]
        return csv_antwoord("doorverwijzingen", kop, rijen)
