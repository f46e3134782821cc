"""The views of the coordinator's "Cijfers" section, in menu order: one registry read by the
URLs, the menu, the tabs on every page and the permission tests."""

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Sectie:
    slug: str  # URL: /admin/cijfers/<slug>/
    label: str
    view: str  # dotted path of the CijferView subclass
    icon: str

    @property
    def url_name(self):
        return f"cijfers_{self.slug.replace('-', '_')}"

    def view_class(self):
        return import_string(self.view)


SECTIES = (
    Sectie("dekking", "Dekking: aanbod per thema en wijk", "cijfers.dekking.DekkingView", "table"),
    Sectie("vraag", "Vraag: waar mensen naar zoeken", "cijfers.vraag.VraagView", "search"),
    Sectie(
        "doorverwijzingen", "Doorverwijzingen", "cijfers.doorverwijzingen.DoorverwijzingenView",
        "doc-full",
    ),
    Sectie("campagnes", "Campagnes", "cijfers.campagnes.CampagnesView", "date"),
    Sectie(
        "actualiteit", "Actualiteit per organisatie", "cijfers.actualiteit.ActualiteitView",
        "time",
    ),
)  # fmt: skip


def zichtbare_secties():
    return SECTIES
