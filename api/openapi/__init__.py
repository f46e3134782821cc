"""GET /api/v1/openapi.json: the OpenAPI 3.1 document of the whole API.

Built on each request from the same registries the endpoints read (offer facets from
aanbod.facetten, calendar facets from kalender.filters, sort and page limits from the offer
filters), so it cannot drift from what the endpoints accept.
"""

from importlib import import_module
from importlib.util import find_spec

from ..http import api_view, json_response
from .common import SCHEMAS

VERSION = "2.1.0"  # 2.0: one language for the JSON keys; 2.1: additions only (see DESCRIPTION)
# Parts written beside this one (HSDS, UiTdatabank): module, function -> (paths, schemas).
PARTS = [
    (".aanbod", "aanbod_openapi"),
    (".kalender", "kalender_openapi"),
    (".organisaties", "organisaties_openapi"),
    (".hsds", "hsds_openapi"),
    (".uitdatabank", "uitdatabank_openapi"),
]
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
    "niveau. Nieuw: `without_filter` bij 0 resultaten.\n\n"
    "**Sinds 2.1.0** (alleen toevoegingen): één aanbod (`/api/v1/aanbod/{id}/`), organisaties "
    "(`/api/v1/organisaties/`), één activiteit (`/api/v1/activiteiten/{id}/`) en campagnes "
    "(`/api/v1/campagnes/`); bij elk aanbod `places` (adressen met coördinaten), `phone`, "
    "`email`, `website`, `contact_person`, `enrolment`, `schedule`, `min_age`, `max_age`, "
    "`price_note` en `translations` (de vertalingen van de partner); `id` bij de organisatie "
    "en de campagne van een moment, `place` bij een activiteit in de kalender. Een pagina "
    "voorbij de laatste is nu leeg in plaats van de laatste pagina.\n\n"
    "**Goedkoop opvragen.** Elk antwoord op een GET heeft een `ETag` en `Last-Modified`. Stuur "
    "die terug in `If-None-Match` of `If-Modified-Since`: is er niets veranderd, dan krijg je "
    "304 zonder inhoud. Een onbekend of verborgen id geeft 404 met `detail`."
)


def _parts():
    paths, schemas = {}, {}
    for module, function in PARTS:
        if find_spec(module, __name__) is None:
            continue  # a part not written yet
        more_paths, more_schemas = getattr(import_module(module, __name__), function)()
        paths.update(more_paths)
        schemas.update(more_schemas)
    return paths, schemas


def openapi_document(server_url="/"):
    paths, schemas = _parts()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Preventiezoeker Gent API",
            "version": VERSION,
            "description": DESCRIPTION,
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": {**schemas, **SCHEMAS}},
    }


@api_view
def openapi(request):
    return json_response(openapi_document(request.build_absolute_uri("/")))
