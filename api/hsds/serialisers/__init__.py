"""Our records as HSDS 3.0 objects: one module per HSDS object, all reading a Context."""

from .common import Context
from .location import location, service_at_location
from .organization import organization
from .service import service
from .taxonomy import taxonomy, taxonomy_term

__all__ = [
    "Context",
    "location",
    "organization",
    "service",
    "service_at_location",
    "taxonomy",
    "taxonomy_term",
]
