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

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.utils import timezone, translation

from wagtail.models import ReferenceIndex, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update

from aanbod.forms import vrije_slug
from aanbod.models import AanbodPage
from aanbod.search import SOURCE
from preventiezoeker.search.sync import queue

from .controle import controleer
from .enums import Actie, ImportStatus
from .mails import meld_ingediend
from .models import ImportTaak
from .stil import gepubliceerd, zonder_meldingen

logger = logging.getLogger(__name__)
VOORTGANG_ELKE = 0.5  # seconds between two progress reports
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
    and writes nothing otherwise."""
    user = taak.gebruiker
    standaard = taak.organisatie.specific if taak.organisatie else None
    with transaction.atomic():
        controle = controleer([tuple(r) for r in taak.rijen], user, standaard)
        if controle.fouten:
            eerste = controle.fouten[0]
            raise Mislukt(
                f"Er is intussen iets veranderd: rij {eerste['rij']}, kolom "
                f"{eerste['kolom']}: {eerste['melding']} Er is niets toegepast. "
                "Laad het bestand opnieuw op."
            )
        nieuw, gewijzigd, ingediend = [], [], []
        with disable_reference_index_auto_update():  # once per page below, not per save
            _rijen(taak, controle, user, nieuw, gewijzigd, ingediend)
        for page in AanbodPage.objects.filter(pk__in=nieuw + gewijzigd):
            ReferenceIndex.create_or_update_for_object(page)
        queue(SOURCE, gepubliceerd())  # the public search index, in one batch
    return nieuw, gewijzigd, ingediend


def _rijen(taak, controle, user, nieuw, gewijzigd, ingediend):
    gemeld = time.monotonic()
    for gedaan, rij in enumerate(controle.rijen, start=1):
        if rij.actie == Actie.NIEUW:
            pk, gepubliceerd = _maak(rij, user)
            nieuw.append(pk)
        elif rij.actie == Actie.WIJZIGEN:
            pk, gepubliceerd = _wijzig(rij, user)
            gewijzigd.append(pk)
        else:
            continue
        if not gepubliceerd:
            ingediend.append(pk)
        if time.monotonic() - gemeld > VOORTGANG_ELKE:
            _zet_voortgang(taak.pk, gedaan)
            gemeld = time.monotonic()


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
