"""Shared by aanbod 0006 and kalender 0002: "zonder afspraak" and "aan huis" leave the
accessibility vocabulary for the field they belong in.

Frozen together with those migrations (the loader skips modules starting with "_"): do not
import live models here, and do not change it once released.
"""

from collections import defaultdict

# Toegankelijkheid slug -> (list field, value). Label and group are kept for the reverse.
VERHUIZINGEN = {
    "zonder-afspraak": ("inschrijving", "zonder-afspraak"),
    "aan-huis": ("vormen", "aan-huis"),
}
VOCABULARIUM = [
    ("zonder-afspraak", "Zonder afspraak", "beschikbaar"),
    ("aan-huis", "Aan huis", "bereikbaar"),
]
BATCH = 500


def verhuisd(apps):
    """pk -> (field, value) of the two entries that move; empty on a fresh install."""
    Toegankelijkheid = apps.get_model("aanbod", "Toegankelijkheid")
    rows = Toegankelijkheid.objects.filter(slug__in=VERHUIZINGEN).values_list("pk", "slug")
    return {pk: VERHUIZINGEN[slug] for pk, slug in rows}


def _key(pk):
    # Revision JSON holds ints; be lenient with strings.
    try:
        return int(pk)
    except (TypeError, ValueError):
        return pk


def verhuis(inhoud, verhuizen, aanbod=None):
    """Move the entries in one page's content (its row or a revision, as a dict, in place).

    inhoud has "toegankelijkheid" (all its pks) and the list fields. aanbod is only given for
    an activity with a linked offer: that offer's lists as they are after the move, and the
    (field, value) pairs it moved. An activity's empty list inherits the offer's: if that
    already holds the value the list stays empty, so the inheritance of the offer's other
    values is kept; otherwise the offer's list is copied first and the value added, so an own
    ["zonder-afspraak"] does not silently drop the ways to enrol it inherited. An activity with
    no accessibility of its own inherited the offer's entries: where it has its own list, the
    value is added there so the activity keeps matching the same filters. True if changed.
    """
    eigen = list(inhoud.get("toegankelijkheid") or [])
    te_verhuizen = [verhuizen[_key(pk)] for pk in eigen if _key(pk) in verhuizen]
    changed = False
    if te_verhuizen:
        inhoud["toegankelijkheid"] = [pk for pk in eigen if _key(pk) not in verhuizen]
        changed = True
    elif not eigen and aanbod is not None:
        te_verhuizen = aanbod["verhuisd"]
    for veld, waarde in te_verhuizen:
        lijst = list(inhoud.get(veld) or [])
        if not lijst and aanbod is not None:
            if waarde in aanbod[veld]:
                continue
            lijst = list(aanbod[veld])
        if waarde not in lijst:
            lijst.append(waarde)
            inhoud[veld] = lijst
            changed = True
    return changed


def _m2m(model):
    field = model._meta.get_field("toegankelijkheid")
    through = field.remote_field.through
    return through, field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"


def rows(apps, app_label, model_name, verhuizen, aanbod_voor=None):
    """Move the values of the page rows (live or never-published content); changed pks.

    aanbod_voor(offer pk or None) gives the offer dict for an activity (see verhuis), or None.
    """
    model = apps.get_model(app_label, model_name)
    through, page_col, entry_col = _m2m(model)
    verhuisd_links = through.objects.filter(**{f"{entry_col}__in": list(verhuizen)})
    kandidaten = set(verhuisd_links.values_list(page_col, flat=True))
    if aanbod_voor is not None:  # activities that inherit the offer's accessibility
        kandidaten |= set(
            model.objects.filter(toegankelijkheid__isnull=True, aanbod__isnull=False)
            .values_list("pk", flat=True)
        )  # fmt: skip
    eigen = defaultdict(list)
    for page_pk, entry_pk in through.objects.filter(**{f"{page_col}__in": kandidaten}).values_list(
        page_col, entry_col
    ):
        eigen[page_pk].append(entry_pk)
    changed = []
    for page in model.objects.filter(pk__in=kandidaten).iterator(chunk_size=BATCH):
        inhoud = {
            "toegankelijkheid": eigen[page.pk],
            "inschrijving": page.inschrijving,
            "vormen": page.vormen,
        }
        aanbod = aanbod_voor(page.aanbod_id) if aanbod_voor is not None else None
        if verhuis(inhoud, verhuizen, aanbod):
            model.objects.filter(pk=page.pk).update(
                inschrijving=inhoud["inschrijving"], vormen=inhoud["vormen"]
            )
            changed.append(page.pk)
    verhuisd_links.delete()
    return changed


def aanbod_na_verhuis(apps, verhuizen):
    """For activities: offer pk -> {inschrijving, vormen as after the move, verhuisd pairs}.

    Read from the offer rows before aanbod 0006 moves them (kalender 0002 runs first)."""
    AanbodPage = apps.get_model("aanbod", "AanbodPage")
    through, page_col, entry_col = _m2m(AanbodPage)
    per_offer = defaultdict(list)
    for page_pk, entry_pk in through.objects.filter(
        **{f"{entry_col}__in": list(verhuizen)}
    ).values_list(page_col, entry_col):
        per_offer[page_pk].append(verhuizen[entry_pk])
    cache = {}

    def voor(pk):
        if pk is None:
            return None
        if pk not in cache:
            row = AanbodPage.objects.filter(pk=pk).values("inschrijving", "vormen").first()
            if row is None:
                cache[pk] = None
            else:
                na = {veld: list(row[veld] or []) for veld in ("inschrijving", "vormen")}
                for veld, waarde in per_offer[pk]:
                    if waarde not in na[veld]:
                        na[veld].append(waarde)
                cache[pk] = {**na, "verhuisd": per_offer[pk]}
        return cache[pk]

    return voor


def revisions(apps, app_label, model_name, verhuizen, aanbod_voor=None):
    """Rewrite the stored revisions (history, drafts, scheduled) of one page type the same way,
    so that viewing, comparing or reverting an old revision gives the moved value."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower())
    batch = []
    for revision in Revision.objects.filter(content_type__in=content_type).iterator(
        chunk_size=BATCH
    ):
        inhoud = revision.content
        if not isinstance(inhoud, dict):
            continue
        aanbod = None
        if aanbod_voor is not None and inhoud.get("aanbod"):
            aanbod = aanbod_voor(_key(inhoud["aanbod"]))
        if verhuis(inhoud, verhuizen, aanbod):
            batch.append(revision)
        if len(batch) >= BATCH:
            Revision.objects.bulk_update(batch, ["content"])
            batch = []
    if batch:
        Revision.objects.bulk_update(batch, ["content"])
