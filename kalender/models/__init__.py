"""The shared calendar: campaigns (coordinator) and dated activities (partners), and the stored
moments of the published activities. One module per concept, as in aanbod/models/."""

from .activiteit import ActiviteitDatum, ActiviteitForm, ActiviteitPage, ActiviteitUitzondering
from .campagne import CampagneMateriaal, CampagnePage
from .index import KalenderIndexPage
from .moment import Moment

__all__ = [
    "ActiviteitDatum",
    "ActiviteitForm",
    "ActiviteitPage",
    "ActiviteitUitzondering",
    "CampagneMateriaal",
    "CampagnePage",
    "KalenderIndexPage",
    "Moment",
]
