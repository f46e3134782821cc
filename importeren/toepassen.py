"""Applying a checked import: all rows or none, through Wagtail revisions as the editor would.

Whoever may publish under an organisation (the coordinator) gets published pages; a partner
gets drafts submitted to the approval workflow, as "Ter goedkeuring indienen" does. The whole
file is one transaction: any error, and nothing is applied. It runs after the response in a
background thread (IMPORT_VERWERKING); its progress goes through a cache every worker shares,
as the transaction's own rows are invisible to the progress page until the end.
"""

import logging
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.utils import timezone, translation

from wagtail.models import Page, ReferenceIndex, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update

from aanbod.forms import vrije_slug
from aanbod.models import AanbodPage
from aanbod.search import SOURCE
from preventiezoeker.search.sync import queue

from . import goedkeuring, schrijven, stil
from .controle import controleer
from .enums import Actie, ImportStatus
from .mails import meld_ingediend
from .models import ImportTaak
from .stil import zonder_meldingen

logger = logging.getLogger(__name__)
VOORTGANG_ELKE = 0.5  # seconds between two progress reports
STUK = 100  # rows written together by the bulk path, between two progress reports
VASTGELOPEN_NA = 15 * 60  # seconds without progress: the worker died, the database rolled back


class Mislukt(Exception):
    """Applying stopped; nothing was written. The message is for the user."""


def voortgang_sleutel(taak_id):
    return f"importeren:voortgang:{taak_id}"


def voortgang(taak):
    """(rows done, seconds since the last step) of a running import, from the shared cache."""
    waarde = caches[settings.IMPORT_VOORTGANG_CACHE].get(voortgang_sleutel(taak.pk))
    if waarde is None:
        gestart = taak.gestart or timezone.now()
        return 0, (timezone.now() - gestart).total_seconds()
    gedaan, wanneer = waarde
    return gedaan, timezone.now().timestamp() - wanneer


def is_vastgelopen(taak):
    return taak.status == ImportStatus.BEZIG and voortgang(taak)[1] > VASTGELOPEN_NA


def start(taak, user):
    """Claim the import (once, even when "Toepassen" is clicked twice) and run it.
    Returns False when it was not ready to apply."""
    claimbaar = [ImportStatus.GECONTROLEERD]
    if is_vastgelopen(taak):
        claimbaar.append(ImportStatus.BEZIG)
    geclaimd = ImportTaak.objects.filter(pk=taak.pk, gebruiker=user, status__in=claimbaar).update(
        status=ImportStatus.BEZIG, gestart=timezone.now(), verwerkt=0, melding=""
    )
    if not geclaimd:
        return False
    _zet_voortgang(taak.pk, 0)
    if settings.IMPORT_VERWERKING == "inline":
        voer_uit(taak.pk)
    else:
        threading.Thread(
            target=_eigen_verbinding, args=(taak.pk,), name=f"import-{taak.pk}", daemon=True
        ).start()
    return True


def _eigen_verbinding(taak_id):
    try:
        voer_uit(taak_id)
    finally:
        connections.close_all()  # this thread's connections only


def voer_uit(taak_id):
    """Apply the import and record the outcome; never raises."""
    taak = ImportTaak.objects.select_related("gebruiker", "organisatie").get(pk=taak_id)
    try:
        with translation.override("nl"), zonder_meldingen():
            nieuw, gewijzigd, ingediend = pas_toe(taak)
    except Mislukt as error:
        _einde(taak, ImportStatus.MISLUKT, melding=str(error))
    except Exception:
        logger.exception("Import %s mislukt", taak_id)
        _einde(
            taak, ImportStatus.MISLUKT,
            melding="Er ging iets mis bij het toepassen. Er is niets veranderd. "
            "Probeer het later opnieuw of vraag hulp aan de coördinator.",
        )  # fmt: skip
    else:
        _einde(taak, ImportStatus.KLAAR, nieuw_ids=nieuw, gewijzigd_ids=gewijzigd)
        if ingediend:
            meld_ingediend(taak, ingediend)


def _einde(taak, status, **velden):
    gedaan = len(velden.get("nieuw_ids", [])) + len(velden.get("gewijzigd_ids", []))
    ImportTaak.objects.filter(pk=taak.pk).update(
        status=status, klaar=timezone.now(), verwerkt=gedaan, **velden
    )
    caches[settings.IMPORT_VOORTGANG_CACHE].delete(voortgang_sleutel(taak.pk))


def _zet_voortgang(taak_id, gedaan):
    caches[settings.IMPORT_VOORTGANG_CACHE].set(
        voortgang_sleutel(taak_id), (gedaan, timezone.now().timestamp()), VASTGELOPEN_NA * 2
    )


def pas_toe(taak):
    """Check again (the site may have changed since the dry run) and apply every row, in one
    transaction. Returns (new ids, changed ids, ids submitted for approval); raises Mislukt
    and writes nothing otherwise.

    The check only reads, so it runs before the write transaction: on SQLite that transaction
    holds the one write lock, and every other save waits for it. Inside, one query confirms
    that no offer or organisation it read has changed since."""
    user = taak.gebruiker
    standaard = taak.organisatie.specific if taak.organisatie else None
    controle = controleer([tuple(r) for r in taak.rijen], user, standaard)
    if controle.fouten:
        eerste = controle.fouten[0]
        raise Mislukt(
            f"Er is intussen iets veranderd: rij {eerste['rij']}, kolom "
            f"{eerste['kolom']}: {eerste['melding']} Er is niets toegepast. "
            "Laad het bestand opnieuw op."
        )
    plan = _plan(controle, user)
    with transaction.atomic():
        _nog_gelijk(controle)
        nieuw, gewijzigd, ingediend = [], [], []
        with disable_reference_index_auto_update():  # once per page below, not per save
            _rijen(taak, plan, user, nieuw, gewijzigd, ingediend)
        stil.later_in_admin_zoeken(nieuw + gewijzigd)
        for page in AanbodPage.objects.filter(pk__in=nieuw + gewijzigd):
            ReferenceIndex.create_or_update_for_object(page)
        queue(SOURCE, stil.gepubliceerd())  # the public search index, in one batch
    return nieuw, gewijzigd, ingediend


def _nog_gelijk(controle):
    """Mislukt when an offer or organisation the check read changed before the lock."""
    gelezen = {}
    for rij in controle.rijen:
        if rij.actie == Actie.WIJZIGEN:
            gelezen[rij.pagina.pk] = rij.pagina.vingerafdruk
        if rij.organisatie is not None:
            gelezen[rij.organisatie.pk] = (rij.organisatie.latest_revision_id,
                                           rij.organisatie.path, rij.organisatie.live)  # fmt: skip
    nu = {
        pk: (revisie, pad, live)
        for pk, revisie, pad, live in Page.objects.filter(pk__in=list(gelezen)).values_list(
            "pk", "latest_revision_id", "path", "live"
        )
    }
    for pk, was in gelezen.items():
        if nu.get(pk) != was:
            raise Mislukt(
                f"Pagina {pk} is intussen aangepast. Er is niets toegepast. "
                "Laad het bestand opnieuw op."
            )


@dataclass
class Plan:
    """The rows to apply, split by the path they take (schrijven.py or Wagtail's own)."""

    rijen: list  # [(rij, publiceren)] in file order
    snel_nieuw: list = field(default_factory=list)
    snel_wijzigen: list = field(default_factory=list)
    staten: dict = field(default_factory=dict)  # page pk: workflow state in progress
    wagtail: list = field(default_factory=list)
    werkstromen: object = None


def _plan(controle, user):
    """Who may do what, per row (Mislukt when a row is not allowed), and which rows the bulk
    path takes."""
    werkstromen = goedkeuring.Werkstromen()
    rijen, wijzigen = [], []
    per_org = {}
    for rij in controle.rijen:
        if rij.actie == Actie.NIEUW:
            org = rij.organisatie
            if org.pk not in per_org:
                perms = org.permissions_for_user(user)
                per_org[org.pk] = (perms.can_add_subpage(), perms.can_publish_subpage())
            mag, publiceren = per_org[org.pk]
            if not mag:
                raise Mislukt(f"Rij {rij.nummer}: je mag geen aanbod toevoegen bij {org.title}.")
        elif rij.actie == Actie.WIJZIGEN:
            perms = rij.pagina.permissions_for_user(user)
            if not perms.can_edit():
                raise Mislukt(f"Rij {rij.nummer}: je mag dit aanbod niet aanpassen.")
            publiceren = perms.can_publish()
            wijzigen.append(rij)
        else:
            continue
        rijen.append((rij, publiceren))
    plan = Plan(rijen, werkstromen=werkstromen)
    publiceert = {rij.nummer: p for rij, p in rijen}
    plan.staten = schrijven.snel_wijzigen(wijzigen, publiceert, werkstromen)
    for rij, publiceren in rijen:
        if rij.actie == Actie.NIEUW and schrijven.snel_nieuw(
            rij.organisatie, publiceren, werkstromen
        ):
            plan.snel_nieuw.append((rij, publiceren))
        elif rij.actie == Actie.WIJZIGEN and rij.pagina.pk in plan.staten:
            plan.snel_wijzigen.append((rij, publiceren))
        else:
            plan.wagtail.append((rij, publiceren))
    return plan


def _rijen(taak, plan, user, nieuw, gewijzigd, ingediend):
    """Apply the rows: the bulk path per chunk, the others through Wagtail, with progress."""
    gedaan, gemeld = 0, time.monotonic()
    uitkomst = {}  # row number: (page pk, published)

    def vooruit(aantal):
        nonlocal gedaan, gemeld
        gedaan += aantal
        if time.monotonic() - gemeld > VOORTGANG_ELKE:
            _zet_voortgang(taak.pk, gedaan)
            gemeld = time.monotonic()

    plaatsen = schrijven.Plaatsen()
    for soort, rijen in (("nieuw", plan.snel_nieuw), ("wijzigen", plan.snel_wijzigen)):
        for start in range(0, len(rijen), STUK):
            stuk = rijen[start : start + STUK]
            bundel = schrijven.Bundel(user=user, nu=timezone.now())
            publiceert = {rij.nummer: p for rij, p in stuk}
            alleen = [rij for rij, _p in stuk]
            if soort == "nieuw":
                pages = schrijven.maak(alleen, bundel, plaatsen, publiceert)
            else:
                pages = schrijven.wijzig(alleen, bundel, publiceert)
            goedkeuring.dien_in(
                [(page, rij.organisatie, plan.staten.get(page.pk))
                 for rij, page in zip(alleen, pages, strict=True) if not publiceert[rij.nummer]],
                bundel, plan.werkstromen,
            )  # fmt: skip
            bundel.schrijf_logs()
            for rij, page in zip(alleen, pages, strict=True):
                uitkomst[rij.nummer] = (page.pk, publiceert[rij.nummer])
            vooruit(len(stuk))
    for rij, _publiceren in plan.wagtail:
        maak_of_wijzig = _maak if rij.actie == Actie.NIEUW else _wijzig
        uitkomst[rij.nummer] = maak_of_wijzig(rij, user)
        vooruit(1)
    for rij, _publiceren in plan.rijen:  # in file order
        pk, gepubliceerd = uitkomst[rij.nummer]
        (nieuw if rij.actie == Actie.NIEUW else gewijzigd).append(pk)
        if not gepubliceerd:
            ingediend.append(pk)


def _maak(rij, user):
    org, page = rij.organisatie, rij.object
    perms = org.permissions_for_user(user)
    if not perms.can_add_subpage():
        raise Mislukt(f"Rij {rij.nummer}: je mag geen aanbod toevoegen bij {org.title}.")
    page.slug = vrije_slug(page.title, org, page)
    publiceren = perms.can_publish_subpage()
    page.live = False
    # M2M values set before add_child live in memory only; add_child saves them with the page.
    org.add_child(instance=page)  # validates the page (full_clean) as it saves it
    revisie = page.save_revision(user=user, log_action=True, clean=False)
    if publiceren:
        revisie.publish(user=user)
    else:
        _ter_goedkeuring(page, user)
    return page.pk, publiceren


def _wijzig(rij, user):
    page = rij.object
    perms = page.permissions_for_user(user)
    if not perms.can_edit():
        raise Mislukt(f"Rij {rij.nummer}: je mag dit aanbod niet aanpassen.")
    staat = page.current_workflow_state
    revisie = page.save_revision(user=user, log_action=True)
    publiceren = perms.can_publish()
    if publiceren:
        if staat is not None:
            staat.cancel(user=user)  # as the editor's "Publiceren" does during moderation
        revisie.publish(user=user)
    else:
        _ter_goedkeuring(page, user, staat)
    return page.pk, publiceren


def _ter_goedkeuring(page, user, staat=None):
    """Submit like the editor's "Ter goedkeuring indienen": resume a workflow that asked for
    changes, restart one in progress (the coordinator must see this version), else start."""
    workflow = page.get_workflow()
    if workflow is None:
        return  # no approval set up: the draft waits in the admin
    if staat is not None and staat.status == WorkflowState.STATUS_NEEDS_CHANGES:
        staat.resume(user)
        return
    if staat is not None:
        staat.cancel(user=user)
    workflow.start(page, user)
