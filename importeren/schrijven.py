"""Writing many imported offers at once: the rows Wagtail's own path writes, in a few queries
per chunk of offers instead of about 90 per offer.

Wagtail's path (add_child, save_revision, publish, workflow.start) re-reads the parent for every
child, validates every foreign key the code itself just set with a query of its own, saves and
validates each log entry one by one, and unpacks each revision again to publish it. Here the
same rows (page, revision, log entries, signals; workflow and task states in goedkeuring.py)
are built in memory
and written per chunk; the database's own constraints still guard every foreign key, inside
the import's one transaction. Rows outside the common case (see `snel`) keep Wagtail's path
(toepassen.py); tests/importeren/test_schrijven.py compares both paths field by field.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from wagtail.coreutils import cautious_slugify
from wagtail.log_actions import get_active_log_context
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowPage,
    WorkflowState,
)
from wagtail.signals import (
    page_published,
    published,
)

from aanbod.forms import SLUG_MAX
from aanbod.models import AanbodPage

from .kolommen import KOLOMMEN, LIJST

NIEMAND = object()  # a log entry's user left to the log context, as Wagtail's log() does
M2M = [k.veld for k in KOLOMMEN if k.soort == LIJST]
BATCH = 200  # rows per INSERT/UPDATE statement (SQLite's limit on parameters)
NA_REVISIE = ["latest_revision_created_at", "draft_title", "latest_revision",
              "has_unpublished_changes"]  # fmt: skip
NA_PUBLICEREN = ["live", "has_unpublished_changes", "expired", "last_published_at",
                 "live_revision", "first_published_at"]  # fmt: skip


@dataclass
class Bundel:
    """One chunk of rows written together, and what the writing produced."""

    user: object
    nu: object
    logs: list = field(default_factory=list)

    def log(self, page, action, revision=None, data=None, content_changed=False, user=None):
        """A page log entry as wagtail.log_actions.log() would save it."""
        context = get_active_log_context()
        self.logs.append(
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=PageLogEntry.objects.get_instance_title(page),
                action=action,
                timestamp=self.nu,
                data=data or {},
                user=context.user if user is NIEMAND else user or self.user,
                uuid=context.uuid,
                page=page,
                revision=revision,
                content_changed=content_changed,
            )
        )

    def schrijf_logs(self):
        PageLogEntry.objects.bulk_create(self.logs, batch_size=BATCH)
        self.logs = []


class Plaatsen:
    """Tree paths and URL names under each organisation, read once per import: Wagtail's
    add_child re-reads the parent and its last child for every page it adds."""

    def __init__(self):
        self.laatste = {}  # org pk: last child's step number
        self.slugs = {}  # org pk: slugs in use under it
        self.nieuw = {}  # org pk: pages added

    def _lees(self, org):
        if org.pk in self.laatste:
            return
        kinderen = Page.objects.filter(path__startswith=org.path, depth=org.depth + 1)
        laatste = kinderen.order_by("-path").values_list("path", flat=True).first()
        self.laatste[org.pk] = Page._str2int(laatste[-Page.steplen :]) if laatste else 0
        self.slugs[org.pk] = set(kinderen.values_list("slug", flat=True))
        self.nieuw[org.pk] = 0

    def plaats(self, page, org):
        """Give `page` its place under `org`, as add_child and Page.save would."""
        self._lees(org)
        self.laatste[org.pk] += 1
        self.nieuw[org.pk] += 1
        page.depth = org.depth + 1
        page.path = Page._get_path(org.path, page.depth, self.laatste[org.pk])
        page.numchild = 0
        page.slug = self._vrije_slug(page.title, org)
        page._cached_parent_obj = org
        page.draft_title = page.draft_title or page.title
        page.locale_id = page.locale_id or org.locale_id
        page.set_url_path(org)

    def _vrije_slug(self, titel, org):
        """aanbod.forms.vrije_slug, against the slugs read once and those given since."""
        basis = cautious_slugify(titel)[: SLUG_MAX - 4].strip("-") or "aanbod"
        slug, nummer = basis, 1
        while slug in self.slugs[org.pk]:
            nummer += 1
            slug = f"{basis}-{nummer}"
        self.slugs[org.pk].add(slug)
        return slug

    def tel_kinderen(self):
        for pk, aantal in self.nieuw.items():
            if aantal:
                Page.objects.filter(pk=pk).update(numchild=F("numchild") + aantal)
        self.nieuw = dict.fromkeys(self.nieuw, 0)


def snel_nieuw(org, publiceren, werkstromen):
    """Whether a new offer under `org` can take the bulk path: a partner's offer needs a
    workflow whose first task starts as a plain group approval."""
    if publiceren:
        return True
    workflow = werkstromen.voor(org)
    if workflow is None:
        return True
    taak = werkstromen.taak(workflow)
    return taak is not None and taak.get_task_state_class() is TaskState


def snel_wijzigen(rijen, publiceert, werkstromen):
    """{page pk: active workflow state or None} of the updates that can take the bulk path.
    Others (a draft to publish, a scheduled, locked or aliased page, comments, a page with its
    own workflow, a workflow waiting for changes) keep Wagtail's path."""
    ids = [rij.pagina.pk for rij in rijen]
    staten = {
        int(s.object_id): s
        for s in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .filter(object_id__in=[str(pk) for pk in ids])
        .select_related("current_task_state__task", "workflow")
    }
    eigen_werkstroom = set(
        WorkflowPage.objects.filter(page_id__in=ids).values_list("page_id", flat=True)
    )
    met_alias = set(Page.objects.filter(alias_of_id__in=ids).values_list("alias_of_id", flat=True))
    commentaar = getattr(AanbodPage, COMMENTS_RELATION_NAME).field.model
    met_commentaar = set(
        commentaar.objects.filter(page_id__in=ids).values_list("page_id", flat=True)
    )
    snel = {}
    for rij in rijen:
        page, staat = rij.pagina, staten.get(rij.pagina.pk)
        if page.pk in eigen_werkstroom | met_alias | met_commentaar or page.locked:
            continue
        if page.go_live_at is not None or page.expire_at is not None:
            continue
        if publiceert[rij.nummer]:
            if staat is not None or page.has_unpublished_changes:
                continue
        elif (
            staat is not None
            and (
                staat.status != WorkflowState.STATUS_IN_PROGRESS or staat.current_task_state is None
            )
            or not snel_nieuw(rij.organisatie, False, werkstromen)
        ):
            continue
        snel[page.pk] = staat
    return snel


def _revisies(pages, bundel):
    """Page.save_revision for each page: a revision holding the page as it is now."""
    page_type = ContentType.objects.get_for_model(Page)
    revisies = [
        Revision(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=page_type,
            object_id=str(page.pk),
            user=bundel.user,
            approved_go_live_at=None,
            content=page.serializable_data(),
            object_str=str(page),
            created_at=bundel.nu,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisies, batch_size=BATCH)
    for page, revisie in zip(pages, revisies, strict=True):
        page.latest_revision_created_at = revisie.created_at
        page.draft_title = page.title
        page.latest_revision = revisie
        page.has_unpublished_changes = True
    Page.objects.bulk_update(pages, NA_REVISIE, batch_size=BATCH)
    for page, revisie in zip(pages, revisies, strict=True):
        bundel.log(page, "wagtail.edit", revision=revisie, content_changed=True)
    return revisies


def _lijsten(rijen):
    """{field: {page pk: {ids}}} of the lists each row sets (held in memory by modelcluster)."""
    lijsten = {veld: {} for veld in M2M}
    for rij in rijen:
        for veld in M2M:
            if veld in rij.waarden:
                lijsten[veld][rij.object.pk] = {o.pk for o in getattr(rij.object, veld).all()}
    return lijsten


def _m2m(lijsten, nieuw):
    """Write the lists: the rows modelcluster would keep, add or remove when the page saves."""
    for veld, gewenst in lijsten.items():
        if not gewenst:
            continue
        relatie = AanbodPage._meta.get_field(veld)
        through = relatie.remote_field.through
        bron, doel = relatie.m2m_column_name(), relatie.m2m_reverse_name()
        bestaand = {pk: set() for pk in gewenst}
        if not nieuw:
            paren = through.objects.filter(**{f"{bron}__in": list(gewenst)}).values_list(bron, doel)
            for pk, ander in paren:
                bestaand[pk].add(ander)
            for pk in gewenst:
                if weg := bestaand[pk] - gewenst[pk]:
                    through.objects.filter(**{bron: pk, f"{doel}__in": weg}).delete()
        through.objects.bulk_create(
            [
                through(**{bron: pk, doel: ander})
                for pk in gewenst
                for ander in sorted(gewenst[pk] - bestaand[pk])
            ],
            batch_size=BATCH,
        )


def _insert(pages):
    """The new pages' rows: wagtailcore_page in one INSERT returning the ids, then the offer's
    own table (bulk_create refuses multi-table models; Model.save uses the same _insert)."""
    basis = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rijen = [Page(**{f.attname: getattr(p, f.attname) for f in basis}) for p in pages]
    Page.objects.bulk_create(rijen, batch_size=BATCH)
    for page, rij in zip(pages, rijen, strict=True):
        page.id = page.page_ptr_id = rij.pk
        page._state.adding = False
        page._state.db = rij._state.db
    eigen = AanbodPage._meta.local_concrete_fields
    for start in range(0, len(pages), BATCH):
        AanbodPage._base_manager._insert(pages[start : start + BATCH], fields=eigen)


def maak(rijen, bundel, plaatsen, publiceert):
    """New offers: add_child, save_revision, then publish ({row number: bool}) or leave a draft.
    Returns the pages; those not published still need `dien_in`."""
    pages = []
    for rij in rijen:
        page = rij.object
        page.live = False
        for veld in M2M:
            if veld not in rij.waarden:  # a new page has none: no query to find that out
                setattr(page, veld, [])
        plaatsen.plaats(page, rij.organisatie)
        pages.append(page)
    _insert(pages)
    plaatsen.tel_kinderen()
    for page in pages:  # Page.save logs every new page, by its owner (here: nobody)
        bundel.log(page, "wagtail.create", content_changed=True, user=page.owner or NIEMAND)
    _m2m(_lijsten(rijen), nieuw=True)
    revisies = _revisies(pages, bundel)
    live = [
        (p, r) for p, r, rij in zip(pages, revisies, rijen, strict=True) if publiceert[rij.nummer]
    ]
    _publiceer(live, bundel, eerder={})
    return pages


def wijzig(rijen, bundel, publiceert):
    """Updates of published offers without a newer draft: save_revision, then publish, or
    leave the new draft for approval. Returns the pages."""
    pages = [rij.object for rij in rijen]
    ids = [str(p.pk) for p in pages]
    # Revision.get_previous() and its page's title, for Wagtail's "wagtail.rename" entry.
    met_revisie = set(
        Revision.page_revisions.filter(object_id__in=ids).values_list("object_id", flat=True)
    )
    titels = dict(Page.objects.filter(pk__in=[p.pk for p in pages]).values_list("pk", "title"))
    eerder = {p.pk: titels[p.pk] for p in pages if str(p.pk) in met_revisie}
    revisies = _revisies(pages, bundel)
    live = [
        (p, r) for p, r, rij in zip(pages, revisies, rijen, strict=True) if publiceert[rij.nummer]
    ]
    if live:
        gepubliceerd = {p.pk for p, _r in live}
        _m2m(_lijsten([rij for rij in rijen if rij.object.pk in gepubliceerd]), nieuw=False)
        # The rest of the row already holds these values: write only what the file changes.
        gewijzigd = {v for rij in rijen for v in rij.waarden if v not in M2M}
        _publiceer(live, bundel, eerder, velden=NA_PUBLICEREN + sorted(gewijzigd))
    return pages


def _publiceer(paren, bundel, eerder, velden=NA_PUBLICEREN):
    """Revision.publish for each (page, revision), for a page without schedule, alias,
    comments or workflow in progress (see snel_wijzigen)."""
    if not paren:
        return
    pages = [p for p, _r in paren]
    Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages]).update(
        approved_go_live_at=None
    )
    for page, revisie in paren:
        page.live = True
        page.has_unpublished_changes = False
        page.expired = False
        page.last_published_at = bundel.nu
        page.live_revision = revisie
        if page.first_published_at is None:
            page.first_published_at = bundel.nu
    AanbodPage.objects.bulk_update(pages, velden, batch_size=BATCH)
    for page, revisie in paren:
        page_published.send(sender=AanbodPage, instance=page, revision=revisie)
        published.send(sender=AanbodPage, instance=page, revision=revisie)
        data = None
        oud = eerder.get(page.pk)
        if oud is not None and oud != str(page):
            data = {"title": {"old": oud, "new": str(page)}}
            bundel.log(page, "wagtail.rename", revision=revisie, data=data)
        bundel.log(page, "wagtail.publish", revision=revisie, data=data, content_changed=True)
