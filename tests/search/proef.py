"""A document source that is not an offer: the seam's tests register it to show the seam takes
its whole schema from the registration (facet names, match-all value, text weights, orders,
expiry column) and knows nothing of aanbod."""

from preventiezoeker.search import SortOrder, Source, TextPart

PROEF = Source(
    name="proef",
    documents=lambda ids=None: iter(()),
    count=lambda: 0,
    facets=("onderwerp", "buurt", "spreektaal", "kost"),
    match_all={"buurt": "overal"},
    text=(TextPart("kop", 3.0), TextPart("inleiding", 2.0), TextPart("tekst", 1.0)),
    sorts=(
        SortOrder("titel", "kop"),
        SortOrder("gecontroleerd", "gecontroleerd", kind="date", descending=True),
    ),
    expires="tot",
)


def doc(pk, kop, inleiding="", tekst="", **facets):
    return {"id": pk, "kop": kop, "inleiding": inleiding, "tekst": tekst, **facets}
