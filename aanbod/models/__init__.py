from .aanbod import AanbodIndexPage, AanbodLocatie, AanbodPage
from .organisatie import OrganisatiePage
from .vocabularies import Doelgroep, Taal, Thema, Toegankelijkheid, Wijk

__all__ = [
    "AanbodIndexPage",
    "AanbodLocatie",
    "AanbodPage",
    "Doelgroep",
    "OrganisatiePage",
    "Taal",
    "Thema",
    "Toegankelijkheid",
    "Wijk",
]
