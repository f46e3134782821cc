"""Submitting imported offers for approval in bulk: the workflow and task states (and their log
entries and signals) that Workflow.start and WorkflowState.cancel write, per chunk of rows.
See schrijven.py for why, and which rows take Wagtail's own path instead."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_cancelled, task_submitted, workflow_cancelled, workflow_submitted

from aanbod.models import AanbodPage

from .schrijven import BATCH


class Werkstromen:
    """The approval workflow and its first task, per organisation, read once."""

    def __init__(self):
        self.per_org = {}
        self.eerste_taak = {}

    def voor(self, org):
        if org.pk not in self.per_org:
            bovenaan = (
                org.get_ancestors(inclusive=True)
                .filter(workflowpage__workflow__active=True)
                .select_related("workflowpage__workflow")
                .order_by("-depth")
                .first()
            )
            self.per_org[org.pk] = bovenaan.workflowpage.workflow if bovenaan else None
        return self.per_org[org.pk]

    def taak(self, workflow):
        if workflow.pk not in self.eerste_taak:
            taak = workflow.tasks.filter(active=True).first()
            self.eerste_taak[workflow.pk] = taak.specific if taak else None
        return self.eerste_taak[workflow.pk]


def dien_in(paren, bundel, werkstromen):
    """Submit each (page, organisation, active workflow state or None) for approval, as
    toepassen._ter_goedkeuring does through Wagtail: cancel the state in progress, start anew."""
    lopend = [staat for _p, _o, staat in paren if staat is not None]
    _annuleer(lopend, bundel)
    staten, taken = [], []
    page_type = ContentType.objects.get_for_model(Page)
    for page, org, _staat in paren:
        workflow = werkstromen.voor(org)
        if workflow is None:
            continue  # no approval set up: the draft waits in the admin
        taak = werkstromen.taak(workflow)
        staat = WorkflowState(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=page_type,
            object_id=str(page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            requested_by=bundel.user,
        )
        staten.append((page, staat, taak))
    WorkflowState.objects.bulk_create([s for _p, s, _t in staten], batch_size=BATCH)
    for page, staat, taak in staten:
        taken.append(
            TaskState(
                workflow_state=staat,
                revision=page.latest_revision,
                task=taak,
                status=TaskState.STATUS_IN_PROGRESS,
            )
        )
    TaskState.objects.bulk_create(taken, batch_size=BATCH)
    for (_page, staat, _taak), taakstaat in zip(staten, taken, strict=True):
        staat.current_task_state = taakstaat
    WorkflowState.objects.bulk_update([s for _p, s, _t in staten], ["current_task_state"])
    for (page, staat, taak), taakstaat in zip(staten, taken, strict=True):
        task_submitted.send(sender=TaskState, instance=taakstaat, user=bundel.user)
        workflow_submitted.send(sender=WorkflowState, instance=staat, user=bundel.user)
        workflow = staat.workflow
        bundel.log(
            page, "wagtail.workflow.start", revision=page.latest_revision,
            data={"workflow": {
                "id": workflow.pk, "title": workflow.name, "status": staat.status,
                "next": {"id": taak.pk, "title": taak.name}, "task_state_id": taakstaat.pk,
            }},
        )  # fmt: skip


def _annuleer(staten, bundel):
    """WorkflowState.cancel for each state in progress (and its task states in progress)."""
    if not staten:
        return
    pages = {p.pk: p for p in AanbodPage.objects.filter(pk__in=[int(s.object_id) for s in staten])}
    for staat in staten:
        staat.status = WorkflowState.STATUS_CANCELLED
    WorkflowState.objects.bulk_update(staten, ["status"], batch_size=BATCH)
    for staat in staten:
        huidig = staat.current_task_state
        bundel.log(
            pages[int(staat.object_id)], "wagtail.workflow.cancel", revision=huidig.revision,
            data={"workflow": {
                "id": staat.workflow_id, "title": staat.workflow.name, "status": staat.status,
                "task_state_id": huidig.pk,
                "task": {"id": huidig.task.pk, "title": huidig.task.name},
            }},
        )  # fmt: skip
    lopende_taken = list(
        TaskState.objects.filter(workflow_state__in=staten, status=TaskState.STATUS_IN_PROGRESS)
    )
    for taakstaat in lopende_taken:
        taakstaat.status = TaskState.STATUS_CANCELLED
        taakstaat.finished_at = bundel.nu
        taakstaat.comment = ""
        taakstaat.finished_by = bundel.user
    TaskState.objects.bulk_update(
        lopende_taken, ["status", "finished_at", "comment", "finished_by"], batch_size=BATCH
    )
    for taakstaat in lopende_taken:
        task_cancelled.send(sender=TaskState, instance=taakstaat, user=bundel.user)
    for staat in staten:
        workflow_cancelled.send(sender=WorkflowState, instance=staat, user=bundel.user)
