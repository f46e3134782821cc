"""The base of every view in the coordinator's "Cijfers" section: permission, period choice,
tables with charts, and downloads of exactly what is shown."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .export import FORMATEN, csv_download, xlsx_download
from .periode import lees_periode
from .rechten import mag_cijfers_zien


class CijferView(WagtailAdminTemplateMixin, TemplateView):
    """Subclasses set page_title, sectie (their slug in cijfers.secties) and tabellen()."""

    template_name = "cijfers/sectie.html"
    header_icon = "table"
    sectie = ""
    uitleg = ""  # one plain paragraph under the title: what the view answers

    def dispatch(self, request, *args, **kwargs):
        if not mag_cijfers_zien(request.user):
            raise PermissionDenied
        self.vandaag = timezone.localdate()
        self.periode, self.periode_form, self.meldingen = lees_periode(request.GET, self.vandaag)
        return super().dispatch(request, *args, **kwargs)

    def tabellen(self):
        """The figures, as a list of cijfers.tabel.Tabel, counted over self.periode."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        formaat = request.GET.get("formaat")
        if formaat in FORMATEN:
            tabellen = self.tabellen()
            if formaat == "xlsx":
                return xlsx_download(self.page_title, tabellen, self.periode)
            gekozen = request.GET.get("tabel")
            tabel = next((t for t in tabellen if t.naam == gekozen), None)
            if tabel is not None:
                return csv_download(tabel, self.periode)
            self.meldingen.append("Die tabel bestaat niet (meer). Kies een download hieronder.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from .secties import zichtbare_secties

        context = super().get_context_data(**kwargs)
        context.update(
            periode=self.periode,
            periode_form=self.periode_form,
            meldingen=self.meldingen,
            tabellen=self.tabellen(),
            secties=zichtbare_secties(),
            sectie=self.sectie,
            uitleg=self.uitleg,
            # Filters a view adds (coverage) ride along in the period form and downloads.
            extra_query=self.extra_query(),
        )
        return context

    def extra_query(self):
        """The view's own GET parameters as a query string, kept by downloads and tabs."""
        return ""

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": "Cijfers"}, {"url": "", "label": self.page_title}]
