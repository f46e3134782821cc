"""The bulk path (importeren/schrijven.py) writes what Wagtail's own path writes: each
scenario is applied twice on the same data, once through Wagtail (add_child, save_revision,
publish, workflow.start) and once in bulk, rolled back in between, and the pages, lists,
revisions, log entries and workflow states are compared field by field."""

from django.db import transaction
from django.http import QueryDict

from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

import pytest

from aanbod.models import AanbodPage
from aanbod.zoeken import zoek
from importeren import schrijven
from importeren import toepassen as toepassen_module
from preventiezoeker.search.sync import flush, rebuild
from tests.importeren.conftest import client_for, csv_bestand, opladen, rij, taak_van, toepassen

KOPPEN = "titel;in het kort;thema's;talen;vorm;prijs;hoe inschrijven;doelgroepen;wijken"
ID_KOPPEN = "id;" + KOPPEN
# Set anew on every save, or ids: compared by whether they are set, not by value.
VLUCHTIG = {"id", "page_ptr", "translation_key", "latest_revision_created_at",
            "last_published_at", "first_published_at", "latest_revision", "live_revision",
            "pk", "path", "created_at", "laatst_nagekeken"}  # fmt: skip


def regel(titel, **kwargs):
    return rij(titel, **kwargs) + ";Senioren;Ledeberg, Wondelgem"


def _gewoon(waarde):
    if isinstance(waarde, dict):
        return {k: _gewoon(v) for k, v in waarde.items() if k not in ("id", "task_state_id")}
    return waarde


def _velden(obj):
    return {
        k: (v is not None if k in VLUCHTIG else v) for k, v in obj.items() if k not in ("comments",)
    }


def momentopname(prefix):
    """Everything the import wrote about the offers whose title starts with `prefix`."""
    uit = {}
    for page in AanbodPage.objects.filter(title__startswith=prefix).order_by("title"):
        rij_ = {f.attname: getattr(page, f.attname) for f in AanbodPage._meta.concrete_fields}
        rij_ = _velden({k.removesuffix("_id"): v for k, v in rij_.items()})
        rij_["ouder"] = page.get_parent().pk
        rij_["lijsten"] = {v: sorted(getattr(page, v).values_list("slug", flat=True))
                           for v in schrijven.M2M}  # fmt: skip
        revisies = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
        rij_["revisies"] = [
            (_velden(r.content), r.user_id, r.object_str, r.approved_go_live_at,
             r.pk == page.latest_revision_id, r.pk == page.live_revision_id)
            for r in revisies
        ]  # fmt: skip
        rij_["logs"] = [
            (e.action, e.label, _gewoon(e.data), e.content_changed, e.user_id,
             e.revision_id == page.latest_revision_id, e.uuid is not None)
            for e in PageLogEntry.objects.filter(page=page).order_by("pk")
        ]  # fmt: skip
        staten = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("pk")
        rij_["werkstroom"] = [
            (s.status, s.requested_by_id, s.workflow_id, s.content_type_id,
             s.base_content_type_id, s.current_task_state is not None,
             [(t.status, t.task_id, t.finished_by_id, t.finished_at is not None, t.comment,
               t.content_type_id, t.revision_id == page.latest_revision_id)
              for t in TaskState.objects.filter(workflow_state=s).order_by("pk")])
            for s in staten
        ]  # fmt: skip
        uit[page.title] = rij_
    return uit


def beide_paden(doe, prefix):
    """(Wagtail's path, the bulk path): what `doe` writes each way, rolled back after."""
    uitkomsten = []
    for via_wagtail in (True, False):
        with transaction.atomic(), pytest.MonkeyPatch.context() as mp:
            if via_wagtail:
                mp.setattr(schrijven, "snel_nieuw", lambda *args: False)
                mp.setattr(schrijven, "snel_wijzigen", lambda *args: {})
            telling = {}
            mp.setattr(toepassen_module, "_maak", _geteld(toepassen_module._maak, telling))
            mp.setattr(toepassen_module, "_wijzig", _geteld(toepassen_module._wijzig, telling))
            doe()
            uitkomsten.append((momentopname(prefix), bool(telling)))
            transaction.set_rollback(True)
    (wagtail, via_wagtail), (bulk, ook_via_wagtail) = uitkomsten
    assert via_wagtail and not ook_via_wagtail  # each path really taken
    assert wagtail, "the scenario wrote nothing"
    return wagtail, bulk


def verschil(a, b, pad=""):
    """Where two snapshots differ, as readable paths (an assertion shows these)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [v for k in sorted(set(a) | set(b), key=str)
                for v in verschil(a.get(k), b.get(k), f"{pad}/{k}")]  # fmt: skip
    if isinstance(a, list | tuple) and isinstance(b, list | tuple) and len(a) == len(b):
        paren = enumerate(zip(a, b, strict=True))
        return [v for i, (x, y) in paren for v in verschil(x, y, f"{pad}[{i}]")]
    return [] if a == b else [f"{pad}: Wagtail {a!r}, bulk {b!r}"]


def _geteld(functie, telling):
    def geteld(*args, **kwargs):
        telling[functie.__name__] = telling.get(functie.__name__, 0) + 1
        return functie(*args, **kwargs)

    return geteld


def importeer(user, regels, organisatie=None, koppen=KOPPEN):
    client = client_for(user)
    taak = taak_van(opladen(client, csv_bestand(regels, koppen=koppen), organisatie))
    assert taak.fouten == [], taak.fouten
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "klaar", taak.melding
    return taak


def test_partner_drafts_are_written_as_wagtail_writes_them(partner_a):
    regels = [regel(f"Wandelen {i}") for i in range(3)] + [regel("Wandelen 0")]  # same slug

    wagtail, bulk = beide_paden(lambda: importeer(partner_a.user, regels), "Wandelen")
    assert verschil(wagtail, bulk) == []
    [eerste] = [p for t, p in bulk.items() if t == "Wandelen 1"]
    assert [log[0] for log in eerste["logs"]] == [
        "wagtail.create", "wagtail.edit", "wagtail.workflow.start",
    ]  # fmt: skip
    assert eerste["werkstroom"][0][0] == "in_progress" and not eerste["live"]


def test_coordinator_pages_are_published_as_wagtail_publishes_them(coordinator, partner_a):
    regels = [regel(f"Zwemmen {i}") for i in range(3)]
    wagtail, bulk = beide_paden(
        lambda: importeer(coordinator, regels, partner_a.organisatie), "Zwemmen"
    )
    assert verschil(wagtail, bulk) == []
    assert all(p["live"] and p["laatst_nagekeken"] for p in bulk.values())
    assert [log[0] for log in bulk["Zwemmen 0"]["logs"]] == [
        "wagtail.create", "wagtail.edit", "wagtail.publish",
    ]  # fmt: skip


def test_coordinator_updates_are_published_as_wagtail_publishes_them(coordinator, partner_a):
    taak = importeer(coordinator, [regel("Fietsen"), regel("Koken")], partner_a.organisatie)
    fiets, koken = taak.nieuw_ids
    regels = [f"{fiets};" + regel("Fietsen in de stad", themas="Mondzorg, Beweging"),
              f"{koken};" + rij("Koken") + ";;"]  # fmt: skip

    def bijwerken():
        importeer(coordinator, regels, koppen=ID_KOPPEN)

    wagtail, bulk = beide_paden(bijwerken, "")
    assert verschil(wagtail, bulk) == []
    fietsen = bulk["Fietsen in de stad"]
    assert [log[0] for log in fietsen["logs"]][-2:] == ["wagtail.rename", "wagtail.publish"]
    assert fietsen["lijsten"]["themas"] == ["beweging", "mondzorg"]
    assert bulk["Koken"]["lijsten"]["wijken"] == []


def test_partner_updates_restart_the_approval_as_wagtail_does(partner_a):
    taak = importeer(partner_a.user, [regel("Dansen"), regel("Zingen")])
    dansen, zingen = taak.nieuw_ids
    regels = [
        f"{dansen};" + regel("Dansen op zondag"),
        f"{zingen};" + regel("Zingen", talen="Arabisch"),
    ]

    wagtail, bulk = beide_paden(lambda: importeer(partner_a.user, regels, koppen=ID_KOPPEN), "")
    assert verschil(wagtail, bulk) == []
    staten = bulk["Dansen"]["werkstroom"]  # a draft: the page row keeps its first title
    assert bulk["Dansen"]["revisies"][-1][0]["title"] == "Dansen op zondag"
    assert [s[0] for s in staten] == ["cancelled", "in_progress"]
    assert staten[0][6][0][0] == "cancelled"


def test_bulk_imported_offers_are_findable_and_drafts_are_not(coordinator, partner_a, index_dir):
    rebuild()
    importeer(coordinator, [regel("Kookles Pompoensoep")], partner_a.organisatie)
    importeer(partner_a.user, [regel("Kookles Linzensoep")])
    flush()
    titels = [r.kaart.title for r in zoek(QueryDict("q=kookles"), log=False).results]
    assert titels == ["Kookles Pompoensoep"]  # the partner's draft waits for approval
    assert [r.kaart.title for r in zoek(QueryDict("q=linzensoep"), log=False).results] == []
    # The admin search finds both, drafts too, as it does for pages saved in the editor.
    assert sorted(p.title for p in AanbodPage.objects.all().search("Kookles")) == [
        "Kookles Linzensoep", "Kookles Pompoensoep",
    ]  # fmt: skip


def test_a_failed_import_leaves_nothing_in_either_search(coordinator, partner_a, index_dir,
                                                         monkeypatch):  # fmt: skip
    rebuild()

    def faalt(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(schrijven, "_publiceer", faalt)
    client = client_for(coordinator)
    taak = taak_van(opladen(client, csv_bestand([regel("Mislukte Tangoles")], koppen=KOPPEN),
                            partner_a.organisatie))  # fmt: skip
    toepassen(client, taak)
    taak.refresh_from_db()
    assert taak.status == "mislukt"
    flush()
    assert zoek(QueryDict("q=tangoles"), log=False).results == []
    assert list(AanbodPage.objects.all().search("Tangoles")) == []
    assert not Revision.objects.filter(object_str="Mislukte Tangoles").exists()
