"""Idempotent set-up of what every installation needs: the page tree, the coordinator role and the
approval workflow. Run by `manage.py inrichten`, the demo command and the tests."""

from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from aanbod.facetten import vocabulary_models
from aanbod.models import AanbodIndexPage
from home.models import HomePage
from kalender.models import KalenderIndexPage
from preventiezoeker.permissions import (
    COORDINATOR_GROUP,
    grant_collection_permissions,
    grant_page_permissions,
    permission,
)

WORKFLOW_NAME = "Goedkeuring door de coördinator"
COORDINATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
# Gezondheidsgids requests: coordinators only (no "add": requests come from the public form).
DOORVERWIJZING_PERMISSIONS = {
    "gezondheidsgids": ("add", "change", "delete", "view"),
    "aanvraag": ("change", "delete", "view"),
}


def vocabulary_model_names():
    """The snippets coordinators keep: every facet vocabulary, the synonyms and help lines."""
    return [model._meta.model_name for model in vocabulary_models()] + ["synoniem", "hulplijn"]


@transaction.atomic
def richt_site_in():
    """Returns (home, aanbod_index, coordinator_group)."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's own welcome page takes the 'home' slug; ours replaces it.
        for page in root.get_children().filter(content_type__model="page"):
            page.delete()
        home = root.add_child(instance=HomePage(title="Preventiezoeker Gent", slug="home"))
        root.refresh_from_db()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = site.hostname or "localhost", site.port or 80
    site.root_page, site.site_name = home, "Preventiezoeker Gent"
    site.save()

    index = AanbodIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=AanbodIndexPage(
                title="Aanbod",
                slug="aanbod",
                intro="Alle gezondheidsaanbod in Gent: groepen, coaching en spreekuren.",
            )
        )

    if not KalenderIndexPage.objects.exists():
        home.add_child(
            instance=KalenderIndexPage(
                title="Kalender",
                slug="kalender",
                intro="Activiteiten en campagnes rond gezondheid in Gent, van alle partners samen.",
            )
        )

    coordinators, _ = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    coordinators.permissions.add(
        permission("wagtailadmin", "access_admin"),
        permission("home", "change_siteinstellingen"),
        permission("aanbod", "view_zoekstatistiek"),
        permission("aanbod", "change_actualiteitinstellingen"),
        *(
            permission("aanbod", f"{action}_{model}")
            for model in vocabulary_model_names()
            for action in ("add", "change", "delete")
        ),
        *(
            permission("doorverwijzing", f"{action}_{model}")
            for model, actions in DOORVERWIJZING_PERMISSIONS.items()
            for action in actions
        ),
    )
    grant_page_permissions(coordinators, home, COORDINATOR_PAGE_PERMISSIONS)
    grant_collection_permissions(
        coordinators, Collection.get_first_root_node(), ("add", "change", "choose", "delete")
    )

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Nakijken door de coördinator")
        task.groups.set([coordinators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return home, index, coordinators
