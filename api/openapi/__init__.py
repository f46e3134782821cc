"""GET /api/v1/openapi.json: the OpenAPI 3.1 document of the whole API.

Built on each request from the same registries the endpoints read (offer facets from
aanbod.facetten, calendar facets from kalender.filters, sort and page limits from the offer
filters), so it cannot drift from what the endpoints accept.
"""

from ..http import api_view, json_response
from .aanbod import aanbod_openapi
from .common import SCHEMAS
from .kalender import kalender_openapi

VERSION = "2.0.0"  # 2.0: one language for the JSON keys (see DESCRIPTION)
DESCRIPTION = (
    "Het Gentse preventieaanbod zoeken, met dezelfde parameters als /aanbod/, en de momenten "
    "van de kalender, met dezelfde filters als /kalender/. Alleen lezen, zonder aanmelding; "
    "CORS staat open voor elke oorsprong.\n\n"
    "**Sleutels.** Elke vaste sleutel in een antwoord is Engels, in snake_case (`title`, "
    "`next_dates`, `last_reviewed`, ...). De filters heten zoals hun Nederlandse URL-parameter "
    "(`thema`, `wijk`, `taal`, ...) en komen alleen voor als sleutel van een `facets`-object: "
    "in het antwoord de aantallen per waarde, bij elk aanbod of moment de eigen waarden.\n\n"
    "**Sinds 2.0.0** (brekende wijziging): `laatst_nagekeken` heet `last_reviewed`, `bedrag` "
    "`amount`, `stadsbreed` `city_wide`, `van` en `tot` van de kalender `from` en `to`; de "
    "filterwaarden van een aanbod of moment staan onder `facets` in plaats van op het hoogste "
    "niveau. Nieuw: `without_filter` bij 0 resultaten."
)


def openapi_document(server_url="/"):
    aanbod_path, aanbod_schemas = aanbod_openapi()
    kalender_path, kalender_schemas = kalender_openapi()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Preventiezoeker Gent API",
            "version": VERSION,
            "description": DESCRIPTION,
        },
        "servers": [{"url": server_url}],
        "paths": {"/api/v1/aanbod/": aanbod_path, "/api/v1/kalender/": kalender_path},
        "components": {"schemas": {**aanbod_schemas, **kalender_schemas, **SCHEMAS}},
    }


@api_view
def openapi(request):
    return json_response(openapi_document(request.build_absolute_uri("/")))
