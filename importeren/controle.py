"""The dry run: every row read, checked against the model's own rules and the user's rights,
and compared with the offer it updates. Nothing is written here; applying (toepassen.py)
runs the same check again inside its transaction, so what it writes is what was checked."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from aanbod.models import AanbodPage, OrganisatiePage

from .enums import Actie
from .kolommen import (
    KOLOMMEN,
    LIJST,
    PER_KOP,
    PER_VELD,
    Ongeldig,
    als_cel,
    lees_cel,
    ontsmet,
    tekst_naar_html,
    veld_fouten,
    woordenlijsten,
)

MAX_NAMEN = 8  # organisations named in an error message
NIET_GEVONDEN = "Er is geen aanbod met id {id} dat je mag aanpassen."


def organisaties_voor(user):
    """The organisations a user may add offers to: a partner its own, the coordinator all."""
    mag = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "add")
    return OrganisatiePage.objects.filter(pk__in=mag.values("pk")).order_by("title")


@dataclass
class Rij:
    """One checked row: what applying it will do."""

    nummer: int
    actie: str
    organisatie: OrganisatiePage | None = None
    pagina: AanbodPage | None = None  # the offer it updates (its latest revision)
    waarden: dict = field(default_factory=dict)  # field: value, only the columns in the file
    wijzigingen: list = field(default_factory=list)  # [(kop, oud, nieuw)]
    object: AanbodPage | None = None  # the page with this row's values set, unsaved


@dataclass
class Controle:
    rijen: list = field(default_factory=list)
    fouten: list = field(default_factory=list)  # [{rij, kolom, melding}]

    def fout(self, rij, kolom, melding):
        self.fouten.append({"rij": rij, "kolom": kolom, "melding": str(melding)})

    def plan(self):
        return [
            {
                "rij": r.nummer,
                "actie": r.actie,
                "titel": r.waarden.get("title") or (r.pagina.title if r.pagina else ""),
                "id": r.pagina.pk if r.pagina else None,
                "organisatie": r.organisatie.title if r.organisatie else "",
                "wijzigingen": [list(w) for w in r.wijzigingen],
            }
            for r in self.rijen
        ]


def controleer(rijen, user, standaard=None):
    """Check [(row number, {header: cell})] for `user`; `standaard` is the organisation chosen
    at upload. Returns a Controle: the rows to apply and every error, in Dutch."""
    with translation.override("nl"):
        return _controleer(rijen, user, standaard)


def _controleer(rijen, user, standaard):
    controle = Controle()
    vocab = woordenlijsten()
    objecten = _vocabulaire_objecten()
    organisaties = list(organisaties_voor(user))
    per_naam = {}
    for org in organisaties:
        per_naam[org.slug.lower()] = org
        per_naam[org.title.lower()] = org
    if standaard is not None and standaard.pk not in {o.pk for o in organisaties}:
        standaard = None
    if standaard is None and len(organisaties) == 1:
        standaard = organisaties[0]
    bestaande = _bestaande(rijen, user, organisaties, objecten)
    gezien_ids = set()

    for nummer, cellen in rijen:
        fouten_voor = len(controle.fouten)
        waarden = {}
        for kop, cel in cellen.items():
            kolom = PER_KOP[kop]
            tekst, als_tekst = ontsmet(cel)
            try:
                waarde = lees_cel(kolom, tekst, als_tekst, vocab)
            except Ongeldig as error:
                controle.fout(nummer, kop, error)
                continue
            if kolom.veld:
                waarden[kolom.veld] = waarde
            elif kop == "id":
                waarden["id"] = waarde
            elif kop == "organisatie":
                waarden["organisatie"] = tekst

        org = standaard
        if naam := waarden.pop("organisatie", ""):
            org = per_naam.get(naam.lower())
            if org is None:
                namen = ", ".join(o.title for o in organisaties[:MAX_NAMEN])
                namen += ", …" if len(organisaties) > MAX_NAMEN else ""
                controle.fout(
                    nummer, "organisatie",
                    f"Onbekende organisatie “{naam}”. Je kan aanbod importeren voor: {namen}.",
                )  # fmt: skip
                continue

        pagina_id = waarden.pop("id", None)
        if pagina_id is not None:
            pagina = bestaande.get(pagina_id)
            if pagina is None:
                controle.fout(nummer, "id", NIET_GEVONDEN.format(id=pagina_id))
                continue
            if pagina_id in gezien_ids:
                controle.fout(nummer, "id", f"Id {pagina_id} staat al in een rij hierboven.")
                continue
            gezien_ids.add(pagina_id)
            ouder = pagina.organisatie_cached
            if naam and org.pk != ouder.pk:
                controle.fout(
                    nummer, "organisatie",
                    f"Dit aanbod hoort bij {ouder.title}. Verhuizen kan niet met een import.",
                )  # fmt: skip
                continue
            rij = Rij(nummer, Actie.WIJZIGEN, ouder, pagina, waarden)
        else:
            if org is None:
                controle.fout(
                    nummer, "organisatie",
                    "Voor welke organisatie is dit aanbod? Kies er een bij het opladen "
                    "of vul de kolom organisatie in.",
                )  # fmt: skip
                continue
            rij = Rij(nummer, Actie.NIEUW, org, None, waarden)

        if len(controle.fouten) > fouten_voor:
            continue
        _verplicht(controle, rij)
        if len(controle.fouten) > fouten_voor:
            continue
        _wijzigingen(rij, vocab)  # before the rules below set the new values on the page
        _model_regels(controle, rij, objecten)
        if len(controle.fouten) == fouten_voor:
            controle.rijen.append(rij)
    return controle


def _bestaande(rijen, user, organisaties, objecten):
    """{id: offer (as its latest revision)} for the ids in the file the user may change; an id
    of another organisation's page or of a non-offer is simply not there (never named)."""
    ids = set()
    for _nummer, cellen in rijen:
        tekst = str(cellen.get("id") or "").strip()
        if tekst.isdigit() and len(tekst) < 12:
            ids.add(int(tekst))
    paden = {org.path: org for org in organisaties}
    per_pk = {veld: {o.pk: o for o in lijst.values()} for veld, lijst in objecten.items()}
    beleid = PagePermissionPolicy(Page)
    mag = set(
        beleid.instances_user_has_permission_for(user, "change")
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    result = {}
    qs = (
        AanbodPage.objects.filter(pk__in=ids)
        .select_related("latest_revision")
        .prefetch_related(*(k.veld for k in KOLOMMEN if k.soort == LIJST))
    )
    for page in qs:
        org = paden.get(page.path[: -AanbodPage.steplen])
        if org is None:
            continue
        if page.pk not in mag and not page.permissions_for_user(user).can_edit():
            continue  # (an owner may edit with "add" only: Wagtail's own rule, per page)
        # Without a newer draft the row is the latest version: no revision to unpack.
        nieuwer = page.has_unpublished_changes and page.latest_revision
        laatste = _als_revisie(page, org, per_pk) if nieuwer else page
        laatste.organisatie_cached = org
        # What applying checks again under the write lock (toepassen._nog_gelijk).
        laatste.vingerafdruk = (page.latest_revision_id, page.path, page.live)
        result[page.pk] = laatste
    return result


def _als_revisie(page, org, objecten):
    """page.latest_revision.as_object(), without its queries per offer: the page itself and
    its parent are known, and the lists come from the vocabularies read once."""
    inhoud = dict(page.latest_revision.content)
    lijsten = {veld: inhoud.pop(veld) for veld in objecten if veld in inhoud}
    page._cached_parent_obj = org
    laatste = page.with_content_json(inhoud)
    for veld, ids in lijsten.items():
        per_pk = objecten[veld]
        setattr(laatste, veld, [per_pk[pk] for pk in ids if pk in per_pk])
    return laatste


def _verplicht(controle, rij):
    for kolom in KOLOMMEN:
        if not kolom.verplicht:
            continue
        aanwezig = kolom.veld in rij.waarden
        leeg = rij.waarden.get(kolom.veld) in (None, "", [])
        if (rij.actie == Actie.NIEUW and leeg) or (aanwezig and leeg):
            controle.fout(rij.nummer, kolom.kop, "Dit moet ingevuld zijn.")


def _vocabulaire_objecten():
    return {
        k.veld: {o.slug: o for o in k.model_veld.related_model.objects.all()}
        for k in KOLOMMEN
        if k.soort == LIJST
    }


def _model_regels(controle, rij, objecten):
    """The offer's own validation (field lengths, e-mail, link, phone, age and price rules),
    on the offer as it would be after this row."""
    page = rij.pagina if rij.pagina is not None else AanbodPage()
    for veld, waarde in rij.waarden.items():
        if veld == "beschrijving":
            page.beschrijving = tekst_naar_html(waarde)
        elif PER_VELD[veld].soort == LIJST:
            setattr(page, veld, [objecten[veld][slug] for slug in waarde])
        else:
            setattr(page, veld, waarde)
    rij.object = page
    if rij.pagina is None and "slug" not in rij.waarden:
        page.slug = "import"  # set for real when applied (vrije_slug)
    # Uniqueness of the URL name is settled when applying; the rest is the model's.
    page._check_slug_is_unique = lambda: None
    eigen = set(PER_VELD)
    exclude = [f.name for f in AanbodPage._meta.concrete_fields if f.name not in eigen]
    for stap in (lambda: page.clean_fields(exclude=exclude), page.clean):
        try:
            stap()
        except ValidationError as error:
            for kop, berichten in veld_fouten(error).items():
                for bericht in berichten:
                    controle.fout(rij.nummer, kop, bericht)


def _wijzigingen(rij, vocab):
    """For an update: the columns whose value changes, as (header, was, becomes)."""
    if rij.pagina is None:
        return
    for veld, nieuw in list(rij.waarden.items()):
        kolom = PER_VELD[veld]
        oud = getattr(rij.pagina, veld)
        if kolom.soort == LIJST:
            oud = sorted(o.slug for o in oud.all())
            nieuw_cel = als_cel(kolom, sorted(nieuw), vocab)
        else:
            nieuw_cel = als_cel(kolom, nieuw, vocab)
        oud_cel = als_cel(kolom, oud, vocab)
        if oud_cel == nieuw_cel:
            del rij.waarden[veld]  # unchanged: keep the stored value (and its formatting)
        else:
            rij.wijzigingen.append((kolom.kop, oud_cel, nieuw_cel))
    if not rij.wijzigingen:
        rij.actie = Actie.ONGEWIJZIGD
