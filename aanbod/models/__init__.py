from .aanbod import AanbodIndexPage, AanbodLocatie, AanbodPage
from .crisis import Hulplijn
from .instellingen import ActualiteitInstellingen
from .organisatie import OrganisatiePage
from .synoniemen import Synoniem
from .vertaling import AanbodVertaling
from .vocabularies import Doelgroep, Taal, Thema, Toegankelijkheid, Wijk
from .zoeklog import ZoekStatistiek, ZoekTelling

__all__ = [
    "AanbodIndexPage",
    "AanbodLocatie",
    "AanbodPage",
    "AanbodVertaling",
    "ActualiteitInstellingen",
    "Doelgroep",
    "Hulplijn",
    "OrganisatiePage",
    "Synoniem",
    "Taal",
    "Thema",
    "Toegankelijkheid",
    "Wijk",
    "ZoekStatistiek",
    "ZoekTelling",
]
