"""A partner may only touch its own organisation: crafted admin URLs and POSTs against another
partner's content are refused, and - more important than the status code - nothing changes in the
database. Positive controls at the end prove the same requests do work where they are allowed, so
these tests can fail.
"""

import io
import json
from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import pytest
from PIL import Image as PILImage

from aanbod.models import AanbodPage, OrganisatiePage, Taal, Thema
from home.inrichting import WORKFLOW_NAME
from tests.aanbod.factories import AanbodPageFactory, publish

GEHEIM = "Geheim concept van WGC Beta"
NOOIT_GEPUBLICEERD = "Nooit gepubliceerd concept van WGC Beta"
# Every unpublished title of B in the world below: none may reach partner A.
B_CONCEPTEN = (GEHEIM, "Valpreventie Beta (nieuw)", NOOIT_GEPUBLICEERD)
B_GEHEIMEN = (*B_CONCEPTEN, "Logo Beta", "Folder Beta")  # and its media
KAPING = "Overgenomen door WGC Alfa"

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

# Rows that legitimately change on every request (the session store) are left out; everything
# else - pages, revisions, workflow states, images, users, groups, permissions, settings,
# log entries, search index - must be byte-for-byte the same after a refused request.
VOLATILE_MODELS = {"sessions.session"}


def db_state():
    state = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in VOLATILE_MODELS or model._meta.proxy or not model._meta.managed:
            continue
        rows = model._base_manager.order_by("pk").values()
        state[label] = {
            row["pk"] if "pk" in row else row[model._meta.pk.attname]: row for row in rows
        }
    return state


def changes_between(before, after):
    changed = {}
    for label, rows in after.items():
        old = before.get(label, {})
        added = sorted(set(rows) - set(old), key=str)
        removed = sorted(set(old) - set(rows), key=str)
        modified = {
            pk: {k: (old[pk].get(k), v) for k, v in row.items() if old[pk].get(k) != v}
            for pk, row in rows.items()
            if pk in old and old[pk] != row
        }
        if added or removed or modified:
            changed[label] = {"added": added, "removed": removed, "modified": modified}
    return changed


def assert_db_unchanged(before):
    changed = changes_between(before, db_state())
    assert not changed, f"The database changed: {changed}"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def edit_form_data(client, page):
    """The edit form of `page` exactly as its rightful editor gets it."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def add_form_data(client, app_label, model_name, parent):
    response = client.get(
        reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk])
    )
    assert response.status_code == 200, response.status_code
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def with_changes(querydict, **changes):
    data = querydict.copy()
    for key, value in changes.items():
        key = key.replace("__", "-")
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        else:
            data[key] = str(value)
    return data


def png_bytes(colour="red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_upload(name="foto.png", colour="red"):
    return SimpleUploadedFile(name, png_bytes(colour), content_type="image/png")


def pdf_upload(name="folder.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


ADMIN_HOME = "/admin/"


def is_refused(response, redirect_ok=None):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard (and an
    error message), or with a plain 403; unknown objects and methods give 404/405; the admin API
    answers 400/403/404."""
    if response.status_code in (400, 403, 404, 405):
        return True
    if response.status_code == 302:
        return response["Location"].split("?")[0] in (
            ADMIN_HOME,
            reverse("wagtailadmin_login"),
            redirect_ok,
        )
    return False


def response_text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


# ---------------------------------------------------------------------------------------------
# The world: partner B has a secret draft, an offer in moderation, an image and a document
# ---------------------------------------------------------------------------------------------


class World(SimpleNamespace):
    """Everything the attacks refer to. Form data is fetched (lazily: an admin GET is slow) from
    the admin edit form exactly as the rightful editor sees it, before anyone attacks."""

    @cached_property
    def b_offer_form(self):
        return edit_form_data(client_for(self.b.user), self.b_offer)

    @cached_property
    def b_org_form(self):
        return edit_form_data(client_for(self.coordinator), self.b.organisatie)

    @cached_property
    def index_form(self):
        return edit_form_data(client_for(self.coordinator), self.site_tree.index)

    @cached_property
    def home_form(self):
        return edit_form_data(client_for(self.coordinator), self.site_tree.home)

    @cached_property
    def a_add_form(self):
        return add_form_data(client_for(self.a.user), "aanbod", "aanbodpage", self.a.organisatie)

    @cached_property
    def a_offer_form(self):
        return edit_form_data(client_for(self.a.user), self.a.offer)


@pytest.fixture
def world(partner_a, partner_b, coordinator, site_tree):
    b_client = client_for(partner_b.user)

    # B's live offer has an unpublished draft with a secret title.
    b_offer = AanbodPage.objects.get(pk=partner_b.offer.pk)
    live_revision_id = b_offer.live_revision_id
    b_offer.title = GEHEIM
    draft_revision = b_offer.save_revision(user=partner_b.user)

    # A second offer of B waits for the coordinator.
    b_ingediend = publish(
        AanbodPageFactory(parent=partner_b.organisatie, title="Valpreventie Beta")
    )
    b_ingediend.title = "Valpreventie Beta (nieuw)"
    b_ingediend_revision = b_ingediend.save_revision(user=partner_b.user)
    b_ingediend.get_workflow().start(b_ingediend, partner_b.user)

    # B has a never-published draft.
    b_concept = AanbodPageFactory(
        parent=partner_b.organisatie, title=NOOIT_GEPUBLICEERD, live=False
    )
    b_concept.save_revision(user=partner_b.user)

    # B uploads an image and a document into its own collection through the admin.
    b_collection = Collection.objects.get(name="WGC Beta")
    a_collection = Collection.objects.get(name="WGC Alfa")
    response = b_client.post(
        reverse("wagtailimages:add"), {"title": "Logo Beta", "file": png_upload("beta.png")}
    )
    assert response.status_code == 302, response_text(response)[:2000]
    b_image = Image.objects.get(title="Logo Beta")
    assert b_image.collection == b_collection
    response = b_client.post(
        reverse("wagtaildocs:add"), {"title": "Folder Beta", "file": pdf_upload("beta.pdf")}
    )
    assert response.status_code == 302, response_text(response)[:2000]
    b_document = Document.objects.get(title="Folder Beta")
    assert b_document.collection == b_collection

    # A has an image of its own too (to try to push it into B's collection).
    a_image = Image.objects.create(
        title="Logo Alfa", file=png_upload("alfa.png", "blue"), collection=a_collection
    )

    return World(
        a=partner_a,
        b=partner_b,
        coordinator=coordinator,
        site_tree=site_tree,
        b_offer=b_offer,
        b_live_revision_id=live_revision_id,
        b_draft_revision=draft_revision,
        b_ingediend=b_ingediend,
        b_ingediend_revision=b_ingediend_revision,
        b_ingediend_task_state=b_ingediend.current_workflow_task_state,
        b_concept=b_concept,
        b_image=b_image,
        b_document=b_document,
        a_image=a_image,
        a_collection=a_collection,
        b_collection=b_collection,
        thema=Thema.objects.get(slug="beweging"),
        taal=Taal.objects.get(slug="nl"),
        site=Site.objects.get(is_default_site=True),
        workflow_id=site_tree.home.get_workflow().pk,
    )


@pytest.fixture
def a_client(client, world):
    client.force_login(world.a.user)
    return client


def nieuw_aanbod(w, title="Nieuw aanbod", slug="nieuw-aanbod"):
    return with_changes(
        w.a_add_form,
        title=title,
        slug=slug,
        in_het_kort="Kort en duidelijk.",
        themas=[w.thema.pk],
        talen=[w.taal.pk],
        vormen=["groepsaanbod"],
        prijs=["gratis"],
        inschrijving=["zonder-afspraak"],
    )


# ---------------------------------------------------------------------------------------------
# The attack table
# ---------------------------------------------------------------------------------------------


@dataclass
class Attack:
    id: str
    method: str
    url: Any  # callable(world) -> str
    data: Any = None  # callable(world) -> dict | QueryDict
    json: bool = False
    secret: bool = False  # the response must not leak B's draft titles
    status: int | None = None  # the one status code expected, where a single one is right
    ajax: bool = False
    # Bulk actions answer with a redirect back to the listing whether or not anything happened;
    # for them only the database tells whether the attack worked.
    check_status: bool = True
    redirect_ok: Any = None  # callable(world) -> another URL that counts as a refusal

    def __post_init__(self):
        if self.id.startswith("bulk-"):
            self.check_status = False

    def __str__(self):
        return self.id


def page_url(name, page_attr, *extra):
    def build(w):
        page = w
        for part in page_attr.split("."):
            page = getattr(page, part)
        return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, *[e(w) for e in extra]])

    return build


def api_action(page_attr, action):
    def build(w):
        page = w
        for part in page_attr.split("."):
            page = getattr(page, part)
        return reverse("wagtailadmin_api:pages:action", args=[page.pk, action])

    return build


def bulk(action, page_attr, child_of=None):
    def build(w):
        if child_of:
            query = f"id=all&childOf={getattr(w.b, child_of).pk}"
        else:
            page = w
            for part in page_attr.split("."):
                page = getattr(page, part)
            query = f"id={page.pk}"
        return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + query

    return build


def bulk_drafts(action):
    def build(w):
        ids = "&".join(f"id={page.pk}" for page in (w.b_concept, w.b_ingediend, w.b_offer))
        return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + ids

    return build


def snippet(model, view, pk_fn=None):
    def build(w):
        name = f"wagtailsnippets_aanbod_{model}:{view}"
        if pk_fn is None:
            return reverse(name)
        return reverse(name, args=[pk_fn(w)])

    return build


def first_pk(model_name):
    return lambda w: apps.get_model("aanbod", model_name).objects.order_by("pk").first().pk


# Every page bulk action Wagtail registers (checked by
# test_every_bulk_action_is_limited_to_what_the_user_may_see).
PAGE_BULK_ACTIONS = ("delete", "move", "publish", "unpublish")

PAGE_ATTACKS = [
    # --- edit B's offer -------------------------------------------------------------------
    Attack("edit-get", "get", page_url("edit", "b_offer"), secret=True),
    Attack(
        "edit-post-draft",
        "post",
        page_url("edit", "b_offer"),
        lambda w: with_changes(w.b_offer_form, title=KAPING),
    ),
    Attack(
        "edit-post-publish",
        "post",
        page_url("edit", "b_offer"),
        lambda w: with_changes(w.b_offer_form, title=KAPING, **{"action-publish": "1"}),
    ),
    Attack(
        "edit-post-submit",
        "post",
        page_url("edit", "b_offer"),
        lambda w: with_changes(w.b_offer_form, title=KAPING, **{"action-submit": "1"}),
    ),
    Attack(
        "edit-post-move-slug",
        "post",
        page_url("edit", "b_offer"),
        lambda w: with_changes(w.b_offer_form, slug="gekaapt"),
    ),
    # --- publish / unpublish --------------------------------------------------------------
    Attack("unpublish-get", "get", page_url("unpublish", "b_offer")),
    Attack("unpublish-post", "post", page_url("unpublish", "b_offer"), lambda w: {}),
    Attack(
        "unpublish-org-with-descendants",
        "post",
        page_url("unpublish", "b.organisatie"),
        lambda w: {"include_descendants": "on"},
    ),
    Attack("api-publish", "post", api_action("b_offer", "publish"), lambda w: {}, json=True),
    Attack("api-unpublish", "post", api_action("b_offer", "unpublish"), lambda w: {}, json=True),
    Attack("bulk-publish", "post", bulk("publish", "b_offer"), lambda w: {}),
    Attack("bulk-unpublish", "post", bulk("unpublish", "b_offer"), lambda w: {}),
    Attack(
        "bulk-unpublish-all-children",
        "post",
        bulk("unpublish", None, child_of="organisatie"),
        lambda w: {"include_descendants": "on"},
    ),
    # --- move ----------------------------------------------------------------------------
    Attack("move-get", "get", page_url("move", "b_offer")),
    Attack(
        "move-post-to-a",
        "post",
        page_url("move", "b_offer"),
        lambda w: {"new_parent_page": w.a.organisatie.pk},
    ),
    Attack(
        "move-confirm-b-offer-to-a",
        "post",
        page_url("move_confirm", "b_offer", lambda w: w.a.organisatie.pk),
        lambda w: {},
    ),
    Attack(
        "move-confirm-b-offer-to-index",
        "post",
        page_url("move_confirm", "b_offer", lambda w: w.site_tree.index.pk),
        lambda w: {},
    ),
    Attack(
        "move-confirm-b-org-under-a-org",
        "post",
        page_url("move_confirm", "b.organisatie", lambda w: w.a.organisatie.pk),
        lambda w: {},
    ),
    Attack(
        "move-confirm-a-offer-into-b",
        "post",
        page_url("move_confirm", "a.offer", lambda w: w.b.organisatie.pk),
        lambda w: {},
    ),
    Attack(
        "set-position-b-offer",
        "post",
        lambda w: (
            reverse("wagtailadmin_pages:set_page_position", args=[w.b_offer.pk]) + "?position=1"
        ),
        lambda w: {},
    ),
    Attack(
        "api-move-b-offer-to-a",
        "post",
        api_action("b_offer", "move"),
        lambda w: {"destination_page_id": w.a.organisatie.pk, "position": "last-child"},
        json=True,
    ),
    Attack(
        "bulk-move-b-offer-to-a",
        "post",
        bulk("move", "b_offer"),
        lambda w: {"chooser": w.a.organisatie.pk},
    ),
    # --- bulk-action confirmation pages: they list the pages asked for by title ----------
    # B's never-published draft, its submitted draft and its live offer's newer draft.
    *[
        Attack(f"bulk-get-{action}-b-drafts", "get", bulk_drafts(action), secret=True, status=404)
        for action in PAGE_BULK_ACTIONS
    ],
    *[
        Attack(
            f"bulk-get-{action}-all-children",
            "get",
            bulk(action, None, child_of="organisatie"),
            secret=True,
            status=404,
        )
        for action in PAGE_BULK_ACTIONS
    ],
    # --- views that named a page by its draft title before checking anything -----------
    Attack(
        "move-confirm-get-b-draft-to-a",
        "get",
        page_url("move_confirm", "b_concept", lambda w: w.a.organisatie.pk),
        secret=True,
        status=404,
    ),
    Attack(
        "move-confirm-get-a-offer-into-b-draft",
        "get",
        page_url("move_confirm", "a.offer", lambda w: w.b_offer.pk),
        secret=True,
        status=404,
    ),
    Attack(
        "chooser-browse-b-draft",
        "get",
        lambda w: reverse("wagtailadmin_choose_page_child", args=[w.b_offer.pk]),
        secret=True,
        status=404,
    ),
    *[
        Attack(
            f"workflow-{view}-b-offer-not-in-moderation",
            "get",
            lambda w, view=view: reverse(
                f"wagtailadmin_pages:{view}",
                args=[w.b_offer.pk, "approve", w.b_ingediend_task_state.pk],
            ),
            secret=True,
            status=404,
        )
        for view in ("workflow_action", "collect_workflow_action_data")
    ],
    Attack(
        "workflow-cancel-confirm-b-offer",
        "get",
        page_url("confirm_workflow_cancellation", "b_offer"),
        secret=True,
        status=404,
    ),
    # --- delete --------------------------------------------------------------------------
    Attack("delete-get", "get", page_url("delete", "b_offer")),
    Attack("delete-post", "post", page_url("delete", "b_offer"), lambda w: {}),
    Attack("delete-b-org", "post", page_url("delete", "b.organisatie"), lambda w: {}),
    Attack("delete-own-live-offer", "post", page_url("delete", "a.offer"), lambda w: {}),
    Attack("api-delete", "post", api_action("b_offer", "delete"), lambda w: {}, json=True),
    Attack("bulk-delete", "post", bulk("delete", "b_offer"), lambda w: {}),
    Attack(
        "bulk-delete-all-children",
        "post",
        bulk("delete", None, child_of="organisatie"),
        lambda w: {},
    ),
    # --- copy ----------------------------------------------------------------------------
    Attack("copy-get", "get", page_url("copy", "b_offer"), secret=True),
    Attack(
        "copy-post-to-a",
        "post",
        page_url("copy", "b_offer"),
        lambda w: {
            "new_title": "Gekopieerd",
            "new_slug": "gekopieerd",
            "new_parent_page": w.a.organisatie.pk,
        },
    ),
    Attack(
        "api-copy-to-a",
        "post",
        api_action("b_offer", "copy"),
        lambda w: {"destination_page_id": w.a.organisatie.pk, "slug": "gekopieerd"},
        json=True,
    ),
    Attack(
        "api-alias-to-a",
        "post",
        api_action("b_offer", "create_alias"),
        lambda w: {"destination_page_id": w.a.organisatie.pk, "update_slug": "alias"},
        json=True,
    ),
    # --- preview and drafts --------------------------------------------------------------
    Attack("preview-get", "get", page_url("preview_on_edit", "b_offer"), secret=True),
    Attack(
        "preview-post",
        "post",
        page_url("preview_on_edit", "b_offer"),
        lambda w: with_changes(w.b_offer_form, title=KAPING),
    ),
    Attack("view-draft", "get", page_url("view_draft", "b_offer"), secret=True),
    Attack(
        "revision-view",
        "get",
        page_url("revisions_view", "b_offer", lambda w: w.b_draft_revision.pk),
        secret=True,
    ),
    Attack(
        "revisions-compare",
        "get",
        lambda w: reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[w.b_offer.pk, "live", str(w.b_draft_revision.pk)],
        ),
        secret=True,
    ),
    Attack("history", "get", page_url("history", "b_offer"), secret=True),
    Attack("workflow-history", "get", page_url("workflow_history", "b_ingediend")),
    Attack("usage", "get", page_url("usage", "b_offer")),
    Attack(
        "explore-b-org",
        "get",
        lambda w: reverse("wagtailadmin_explore", args=[w.b.organisatie.pk]),
        secret=True,
        # Wagtail sends a partner back to its own explorable root.
        redirect_ok=lambda w: reverse("wagtailadmin_explore", args=[w.a.organisatie.pk]),
    ),
    # --- revisions / revert --------------------------------------------------------------
    Attack(
        "revert-get",
        "get",
        page_url("revisions_revert", "b_offer", lambda w: w.b_live_revision_id),
    ),
    Attack(
        "revert-post",
        "post",
        page_url("revisions_revert", "b_offer", lambda w: w.b_live_revision_id),
        lambda w: with_changes(w.b_offer_form, title=KAPING),
    ),
    Attack(
        "api-revert",
        "post",
        api_action("b_offer", "revert_to_page_revision"),
        lambda w: {"revision_id": w.b_live_revision_id},
        json=True,
    ),
    Attack(
        "unschedule",
        "post",
        page_url("revisions_unschedule", "b_offer", lambda w: w.b_draft_revision.pk),
        lambda w: {},
    ),
    # --- lock / privacy ------------------------------------------------------------------
    Attack("lock", "post", page_url("lock", "b_offer"), lambda w: {}),
    Attack("unlock", "post", page_url("unlock", "b_offer"), lambda w: {}),
    Attack(
        "privacy-b-offer",
        "post",
        page_url("set_privacy", "b_offer"),
        lambda w: {"restriction_type": "password", "password": "geheim123"},
        ajax=True,
    ),
    Attack(
        "privacy-own-offer",
        "post",
        page_url("set_privacy", "a.offer"),
        lambda w: {"restriction_type": "password", "password": "geheim123"},
        ajax=True,
    ),
    # --- workflow: approve/reject someone else's submission ------------------------------
    Attack(
        "approve-b-submission",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:workflow_action",
            args=[w.b_ingediend.pk, "approve", w.b_ingediend_task_state.pk],
        ),
        lambda w: {"comment": ""},
    ),
    Attack(
        "reject-b-submission",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:workflow_action",
            args=[w.b_ingediend.pk, "reject", w.b_ingediend_task_state.pk],
        ),
        lambda w: {"comment": "Nee"},
    ),
    Attack(
        "cancel-b-submission",
        "post",
        page_url("edit", "b_ingediend"),
        lambda w: {"action-cancel-workflow": "1", "title": KAPING},
    ),
    Attack(
        "workflow-preview-b-submission",
        "get",
        lambda w: reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[w.b_ingediend.pk, w.b_ingediend_task_state.task_id],
        ),
    ),
    # --- add a page under B's organisation -----------------------------------------------
    Attack(
        "add-get",
        "get",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["aanbod", "aanbodpage", w.b.organisatie.pk]
        ),
    ),
    Attack(
        "add-post",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["aanbod", "aanbodpage", w.b.organisatie.pk]
        ),
        lambda w: nieuw_aanbod(w, "Ondergeschoven aanbod", "ondergeschoven"),
    ),
    Attack(
        "add-post-submit",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["aanbod", "aanbodpage", w.b.organisatie.pk]
        ),
        lambda w: with_changes(
            nieuw_aanbod(w, "Ondergeschoven aanbod", "ondergeschoven"), **{"action-submit": "1"}
        ),
    ),
    Attack("add-subpage-get", "get", page_url("add_subpage", "b.organisatie")),
    Attack(
        "preview-on-add",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["aanbod", "aanbodpage", w.b.organisatie.pk],
        ),
        lambda w: nieuw_aanbod(w, "Ondergeschoven aanbod", "ondergeschoven"),
    ),
    # --- B's organisation page, the index and the home page ------------------------------
    Attack("edit-b-org-get", "get", page_url("edit", "b.organisatie")),
    Attack(
        "edit-b-org-post",
        "post",
        page_url("edit", "b.organisatie"),
        lambda w: with_changes(w.b_org_form, title="WGC Beta (gekaapt)", telefoon="09 999 99 99"),
    ),
    Attack(
        "edit-index-post",
        "post",
        page_url("edit", "site_tree.index"),
        lambda w: with_changes(w.index_form, title="Gekaapt", intro="Gekaapt"),
    ),
    Attack(
        "edit-home-post",
        "post",
        page_url("edit", "site_tree.home"),
        lambda w: with_changes(w.home_form, title="Gekaapt", intro="Gekaapt"),
    ),
    Attack(
        "edit-home-publish",
        "post",
        page_url("edit", "site_tree.home"),
        lambda w: with_changes(w.home_form, title="Gekaapt", **{"action-publish": "1"}),
    ),
    Attack(
        "add-organisatie-under-index",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["aanbod", "organisatiepage", w.site_tree.index.pk]
        ),
        lambda w: {
            "title": "Nep-organisatie",
            "slug": "nep-organisatie",
            "soort": "andere",
            "gemeente": "Gent",
        },
    ),
    Attack(
        "add-aanbodpage-under-index",
        "post",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["aanbod", "aanbodpage", w.site_tree.index.pk]
        ),
        lambda w: nieuw_aanbod(w, "Los aanbod", "los-aanbod"),
    ),
]


OTHER_ATTACKS = [
    # --- vocabulary snippets -------------------------------------------------------------
    *[
        attack
        for model in ("thema", "wijk", "doelgroep", "taal", "toegankelijkheid")
        for attack in (
            Attack(f"snippet-{model}-list", "get", snippet(model, "list")),
            Attack(
                f"snippet-{model}-add",
                "post",
                snippet(model, "add"),
                lambda w: {"label": "Nieuw label", "slug": "nieuw-label", "groep": "bruikbaar"},
            ),
            Attack(
                f"snippet-{model}-edit",
                "post",
                snippet(model, "edit", first_pk(model)),
                lambda w: {"label": "Gewijzigd label", "slug": "gewijzigd", "groep": "bruikbaar"},
            ),
            Attack(
                f"snippet-{model}-delete",
                "post",
                snippet(model, "delete", first_pk(model)),
                lambda w: {},
            ),
        )
    ],
    # --- site settings, sites, redirects, workflows, collections -------------------------
    Attack(
        "settings-get",
        "get",
        lambda w: reverse("wagtailsettings:edit", args=["home", "siteinstellingen", w.site.pk]),
    ),
    Attack(
        "settings-post",
        "post",
        lambda w: reverse("wagtailsettings:edit", args=["home", "siteinstellingen", w.site.pk]),
        lambda w: {"voorbeeldgegevens": "on"},
    ),
    Attack(
        "site-edit",
        "post",
        lambda w: reverse("wagtailsites:edit", args=[w.site.pk]),
        lambda w: {
            "hostname": "evil.example",
            "port": "80",
            "site_name": "Gekaapt",
            "root_page": w.a.organisatie.pk,
            "is_default_site": "on",
        },
    ),
    Attack(
        "redirect-add",
        "post",
        lambda w: reverse("wagtailredirects:add"),
        lambda w: {
            "old_path": w.b_offer.url_path,
            "redirect_link": "https://evil.example/",
            "is_permanent": "on",
        },
    ),
    Attack(
        "workflow-disable",
        "post",
        lambda w: reverse("wagtailadmin_workflows:disable", args=[w.workflow_id]),
        lambda w: {},
    ),
    Attack(
        "workflow-remove-from-home",
        "post",
        lambda w: reverse("wagtailadmin_workflows:remove", args=[w.site_tree.home.pk]),
        lambda w: {},
    ),
    Attack(
        "workflow-edit",
        "post",
        lambda w: reverse("wagtailadmin_workflows:edit", args=[w.workflow_id]),
        lambda w: {"name": WORKFLOW_NAME, "pages-TOTAL_FORMS": "0", "pages-INITIAL_FORMS": "0"},
    ),
    Attack(
        "collection-add",
        "post",
        lambda w: reverse("wagtailadmin_collections:add"),
        lambda w: {"name": "Nieuw", "parent": Collection.get_first_root_node().pk},
    ),
    Attack(
        "collection-edit-b",
        "post",
        lambda w: reverse("wagtailadmin_collections:edit", args=[w.b_collection.pk]),
        lambda w: {"name": "Gekaapt", "parent": w.a_collection.pk},
    ),
    Attack(
        "collection-delete-b",
        "post",
        lambda w: reverse("wagtailadmin_collections:delete", args=[w.b_collection.pk]),
        lambda w: {},
    ),
    # --- users and groups ----------------------------------------------------------------
    Attack("users-index", "get", lambda w: reverse("wagtailusers_users:index")),
    Attack(
        "users-add",
        "post",
        lambda w: reverse("wagtailusers_users:add"),
        lambda w: {
            "username": "insluiper",
            "email": "insluiper@example.org",
            "first_name": "In",
            "last_name": "Sluiper",
            "password1": "Zeer-geheim-wachtwoord-123",
            "password2": "Zeer-geheim-wachtwoord-123",
            "is_superuser": "on",
            "is_active": "on",
            "groups": [w.site_tree.coordinators.pk],
        },
    ),
    Attack(
        "users-edit-self-to-superuser",
        "post",
        lambda w: reverse("wagtailusers_users:edit", args=[w.a.user.pk]),
        lambda w: {
            "username": w.a.user.username,
            "email": w.a.user.email,
            "first_name": "",
            "last_name": "",
            "is_superuser": "on",
            "is_active": "on",
            "groups": [w.a.group.pk, w.site_tree.coordinators.pk],
        },
    ),
    Attack(
        "users-edit-b",
        "post",
        lambda w: reverse("wagtailusers_users:edit", args=[w.b.user.pk]),
        lambda w: {
            "username": w.b.user.username,
            "email": "gekaapt@example.org",
            "is_active": "on",
            "password1": "Zeer-geheim-wachtwoord-123",
            "password2": "Zeer-geheim-wachtwoord-123",
            "groups": [w.b.group.pk],
        },
    ),
    Attack(
        "users-delete-b",
        "post",
        lambda w: reverse("wagtailusers_users:delete", args=[w.b.user.pk]),
        lambda w: {},
    ),
    Attack("groups-index", "get", lambda w: reverse("wagtailusers_groups:index")),
    Attack(
        "groups-add",
        "post",
        lambda w: reverse("wagtailusers_groups:add"),
        lambda w: {"name": "Nieuwe groep"},
    ),
    Attack(
        "groups-edit-own",
        "post",
        lambda w: reverse("wagtailusers_groups:edit", args=[w.a.group.pk]),
        lambda w: {
            "name": w.a.group.name,
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-INITIAL_FORMS": "0",
            "page_permissions-MIN_NUM_FORMS": "0",
            "page_permissions-MAX_NUM_FORMS": "1000",
            "page_permissions-0-page": w.site_tree.home.pk,
            "page_permissions-0-permissions": ["publish"],
        },
    ),
    Attack(
        "groups-delete-coordinators",
        "post",
        lambda w: reverse("wagtailusers_groups:delete", args=[w.site_tree.coordinators.pk]),
        lambda w: {},
    ),
    # --- B's images and documents --------------------------------------------------------
    *[
        Attack(
            f"admin-api-{kind}-detail-b",
            "get",
            lambda w, kind=kind: reverse(
                f"wagtailadmin_api:{kind}:detail", args=[getattr(w, f"b_{kind[:-1]}").pk]
            ),
            secret=True,
            status=404,
        )
        for kind in ("images", "documents")
    ],
    Attack("image-edit-get", "get", lambda w: reverse("wagtailimages:edit", args=[w.b_image.pk])),
    Attack(
        "image-edit-post",
        "post",
        lambda w: reverse("wagtailimages:edit", args=[w.b_image.pk]),
        lambda w: {"title": "Gekaapt", "collection": w.a_collection.pk, "tags": ""},
    ),
    Attack(
        "image-edit-multiple-post",
        "post",
        lambda w: reverse("wagtailimages:edit_multiple", args=[w.b_image.pk]),
        lambda w: {f"image-{w.b_image.pk}-title": "Gekaapt"},
        ajax=True,
    ),
    Attack(
        "image-delete-post",
        "post",
        lambda w: reverse("wagtailimages:delete", args=[w.b_image.pk]),
        lambda w: {},
    ),
    Attack(
        "image-delete-multiple-post",
        "post",
        lambda w: reverse("wagtailimages:delete_multiple", args=[w.b_image.pk]),
        lambda w: {},
        ajax=True,
    ),
    Attack(
        "image-url-generator",
        "get",
        lambda w: reverse("wagtailimages:url_generator", args=[w.b_image.pk]),
    ),
    Attack(
        "document-edit-get",
        "get",
        lambda w: reverse("wagtaildocs:edit", args=[w.b_document.pk]),
    ),
    Attack(
        "document-edit-post",
        "post",
        lambda w: reverse("wagtaildocs:edit", args=[w.b_document.pk]),
        lambda w: {"title": "Gekaapt", "collection": w.a_collection.pk, "tags": ""},
    ),
    Attack(
        "document-delete-post",
        "post",
        lambda w: reverse("wagtaildocs:delete", args=[w.b_document.pk]),
        lambda w: {},
    ),
    Attack(
        "document-delete-multiple-post",
        "post",
        lambda w: reverse("wagtaildocs:delete_multiple", args=[w.b_document.pk]),
        lambda w: {},
        ajax=True,
    ),
]


def prepare(attack, w):
    """URL and payload, built before the "before" snapshot (building may GET an edit form)."""
    url = attack.url(w)
    data = attack.data(w) if attack.data else {}
    return url, data


def send(client, attack, url, data):
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if attack.ajax else {}
    if attack.method == "get":
        return client.get(url, **headers)
    if attack.json:
        return client.post(url, json.dumps(data), content_type="application/json", **headers)
    return client.post(url, data, **headers)


@pytest.mark.parametrize("attack", PAGE_ATTACKS + OTHER_ATTACKS, ids=str)
def test_partner_cannot_touch_what_is_not_theirs(a_client, world, attack):
    url, data = prepare(attack, world)
    before = db_state()
    response = send(a_client, attack, url, data)
    redirect_ok = attack.redirect_ok(world) if attack.redirect_ok else None
    assert not attack.check_status or is_refused(response, redirect_ok), (
        f"{attack.id}: expected a refusal, got {response.status_code} "
        f"{response.get('Location', '')}"
    )
    if attack.secret:
        # Flash messages too: they show on the next page the partner opens.
        messages = [str(message) for message in get_messages(response.wsgi_request)]
        text = response_text(response) + " ".join(messages)
        assert not [title for title in B_GEHEIMEN if title in text]
    if attack.status is not None:
        assert response.status_code == attack.status, (attack.id, response.status_code)
    assert_db_unchanged(before)


def test_bulk_confirmation_with_80_ids_lists_only_own_pages(partner_a, partner_b):
    """One request asking for 80 pages at once: the confirmation page names A's own offer and
    nothing of B's - neither the drafts nor the organisation."""
    concepten = [
        partner_b.organisatie.add_child(
            instance=AanbodPage(title=f"GEHEIM-B-CONCEPT-{n}", slug=f"concept-{n}", live=False)
        )
        for n in range(78)
    ]
    ids = [partner_a.offer.pk, partner_b.organisatie.pk, *[page.pk for page in concepten]]
    assert len(ids) == 80
    client = client_for(partner_a.user)
    for action in PAGE_BULK_ACTIONS:
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        response = client.get(url, {"id": ids})
        text = response_text(response)
        assert response.status_code == 200, (action, response.status_code)
        assert "GEHEIM-B-CONCEPT" not in text, action
        assert "WGC Beta" not in text, action
        assert "Beweegcoach WGC Alfa" in text, action  # A's own offer is still listed
        # B's pages are not even counted: one page is listed, with or without the right to act.
        listed = len(response.context["items"]) + len(response.context["items_with_no_access"])
        assert listed == 1, (action, listed)


def test_bulk_confirmation_still_lists_b_drafts_for_the_coordinator(world):
    """Positive control: the coordinator, who may publish B's drafts, sees them by title."""
    client = client_for(world.coordinator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    ids = [world.b_offer.pk, world.b_concept.pk]
    response = client.get(url, {"id": ids})
    assert response.status_code == 200
    text = response_text(response)
    assert GEHEIM in text and NOOIT_GEPUBLICEERD in text


@pytest.mark.parametrize("app_label, model_name, attr", [
    ("wagtailimages", "image", "b_image"), ("wagtaildocs", "document", "b_document"),
])  # fmt: skip
def test_media_bulk_confirmation_names_only_own_media(world, app_label, model_name, attr):
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    url += f"?id={getattr(world, attr).pk}"
    response = client_for(world.a.user).get(url)
    assert response.status_code == 404
    assert not [name for name in B_GEHEIMEN if name in response_text(response)]
    # B itself still gets the confirmation page for its own file.
    response = client_for(world.b.user).get(url)
    assert response.status_code == 200
    assert getattr(world, attr).title in response_text(response)


def test_every_bulk_action_is_limited_to_what_the_user_may_see():
    """Every bulk action in the registry (pages, images, documents, snippets, users) is the
    limited one, also one a Wagtail upgrade adds; the page ones are those the table attacks."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from aanbod.bulk_acties import AlleenZichtbaar

    bulk_action_registry._scan_for_bulk_actions()
    unlimited = [
        f"{app}.{model}:{action_type}"
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action_type, action in actions.items()
        if not issubclass(action, AlleenZichtbaar)
    ]
    assert not unlimited
    page_actions = bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    assert {action.action_type for action in page_actions} == set(PAGE_BULK_ACTIONS)


# The same requests, made by someone who is allowed to, do change the database: so the refusals
# above come from the permission checks, not from a malformed payload or a wrong URL.
CONTROLS = {
    "edit-post-draft": "b.user",
    "edit-post-publish": "coordinator",
    "edit-post-submit": "b.user",
    "unpublish-post": "coordinator",
    "api-publish": "coordinator",
    "bulk-unpublish": "coordinator",
    "move-confirm-b-offer-to-a": "coordinator",
    "api-move-b-offer-to-a": "coordinator",
    "delete-post": "coordinator",
    "copy-post-to-a": "coordinator",
    "preview-post": "b.user",
    "revert-post": "b.user",
    "lock": "coordinator",
    "approve-b-submission": "coordinator",
    "reject-b-submission": "coordinator",
    "add-post": "b.user",
    "edit-b-org-post": "b.user",
    "edit-index-post": "coordinator",
    "add-organisatie-under-index": "coordinator",
    "snippet-thema-add": "coordinator",
    "snippet-thema-edit": "coordinator",
    "snippet-toegankelijkheid-add": "coordinator",
    "snippet-wijk-delete": "coordinator",
    "settings-post": "coordinator",
    "image-edit-post": "b.user",
    "image-delete-post": "b.user",
    "document-edit-post": "b.user",
    "document-delete-post": "b.user",
}
ATTACKS_BY_ID = {attack.id: attack for attack in PAGE_ATTACKS + OTHER_ATTACKS}
# Bookkeeping that any admin visit may touch.
NOT_A_CHANGE = {"wagtailadmin.editingsession", "wagtailcore.pagesubscription", "auth.user"}


@pytest.mark.parametrize("attack_id", CONTROLS)
def test_the_same_request_works_for_the_rightful_user(client, world, attack_id):
    attack = ATTACKS_BY_ID[attack_id]
    actor = world
    for part in CONTROLS[attack_id].split("."):
        actor = getattr(actor, part)
    client.force_login(actor)
    url, data = prepare(attack, world)
    before = db_state()
    response = send(client, attack, url, data)
    assert response.status_code in (200, 302), response.status_code
    changed = set(changes_between(before, db_state())) - NOT_A_CHANGE
    assert changed, f"{attack_id} changed nothing, even for {actor}"


# ---------------------------------------------------------------------------------------------
# Attacks with their own, more specific assertions
# ---------------------------------------------------------------------------------------------


def test_partner_cannot_publish_own_offer_via_edit_view(a_client, world):
    offer = world.a.offer
    live_revision_id = offer.live_revision_id
    response = a_client.post(
        reverse("wagtailadmin_pages:edit", args=[offer.pk]),
        with_changes(world.a_offer_form, title="Zelf gepubliceerd", **{"action-publish": "1"}),
    )
    assert response.status_code in (200, 302)
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.title == "Beweegcoach WGC Alfa"
    assert offer.live_revision_id == live_revision_id
    assert offer.live


@pytest.mark.parametrize(
    "route",
    ["api-publish", "bulk-publish", "unpublish", "api-unpublish"],
)
def test_partner_cannot_publish_or_unpublish_own_offer_another_way(a_client, world, route):
    offer = AanbodPage.objects.get(pk=world.a.offer.pk)
    offer.title = "Zelf gepubliceerd"
    offer.save_revision(user=world.a.user)
    before = db_state()
    urls = {
        "api-publish": reverse("wagtailadmin_api:pages:action", args=[offer.pk, "publish"]),
        "api-unpublish": reverse("wagtailadmin_api:pages:action", args=[offer.pk, "unpublish"]),
        "bulk-publish": reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={offer.pk}",
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[offer.pk]),
    }
    if route.startswith("api-"):
        response = a_client.post(urls[route], "{}", content_type="application/json")
    else:
        response = a_client.post(urls[route], {})
    assert route == "bulk-publish" or is_refused(response), response.status_code
    assert_db_unchanged(before)
    fresh = AanbodPage.objects.get(pk=offer.pk)
    assert fresh.live and fresh.title == "Beweegcoach WGC Alfa"


def test_partner_cannot_approve_own_submission(a_client, world):
    offer = world.a.offer
    response = a_client.post(
        reverse("wagtailadmin_pages:edit", args=[offer.pk]),
        with_changes(world.a_offer_form, title="Ingediend door A", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=offer.pk)
    task_state = offer.current_workflow_task_state
    assert task_state is not None
    before = db_state()
    for action in ("approve", "reject"):
        response = a_client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[offer.pk, action, task_state.pk]),
            {"comment": ""},
        )
        assert is_refused(response), (action, response.status_code)
    assert_db_unchanged(before)
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.title == "Beweegcoach WGC Alfa"
    assert offer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_partner_cannot_move_own_draft_into_other_organisation(a_client, world):
    draft = AanbodPageFactory(parent=world.a.organisatie, title="Concept Alfa", live=False)
    draft.owner = world.a.user
    draft.save()
    before = db_state()
    response = a_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, world.b.organisatie.pk]), {}
    )
    assert is_refused(response), response.status_code
    assert_db_unchanged(before)
    assert Page.objects.get(pk=draft.pk).get_parent().pk == world.a.organisatie.pk


def test_image_upload_into_b_collection_lands_in_own_collection(a_client, world):
    b_images = set(Image.objects.filter(collection=world.b_collection).values_list("pk", flat=True))
    b_documents = set(
        Document.objects.filter(collection=world.b_collection).values_list("pk", flat=True)
    )
    image_count, document_count = Image.objects.count(), Document.objects.count()

    responses = [
        a_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Ondergeschoven beeld",
                "file": png_upload("x.png"),
                "collection": world.b_collection.pk,
            },
        ),
        a_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": png_upload("y.png"), "collection": world.b_collection.pk},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        ),
        a_client.post(
            reverse("wagtailimages_chooser:create"),
            {
                "image-chooser-upload-title": "Via chooser",
                "image-chooser-upload-file": png_upload("z.png"),
                "image-chooser-upload-collection": world.b_collection.pk,
            },
        ),
        a_client.post(
            reverse("wagtaildocs:add"),
            {"title": "Doc", "file": pdf_upload("x.pdf"), "collection": world.b_collection.pk},
        ),
        a_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": pdf_upload("y.pdf"), "collection": world.b_collection.pk},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        ),
    ]
    assert all(r.status_code in (200, 302, 400, 403) for r in responses)
    # Nothing arrived in B's collection ...
    assert (
        set(Image.objects.filter(collection=world.b_collection).values_list("pk", flat=True))
        == b_images
    )
    assert (
        set(Document.objects.filter(collection=world.b_collection).values_list("pk", flat=True))
        == b_documents
    )
    # ... whatever was accepted went to A's own collection.
    new_images = Image.objects.exclude(pk__in=b_images).exclude(pk=world.a_image.pk)
    new_documents = Document.objects.exclude(pk__in=b_documents)
    assert set(new_images.values_list("collection", flat=True)) <= {world.a_collection.pk}
    assert set(new_documents.values_list("collection", flat=True)) <= {world.a_collection.pk}
    # The plain upload form did work - into A's collection, not B's.
    assert responses[0].status_code == 302
    assert Image.objects.get(title="Ondergeschoven beeld").collection == world.a_collection
    assert Image.objects.count() > image_count and Document.objects.count() > document_count


def test_own_image_cannot_be_pushed_into_b_collection(a_client, world):
    response = a_client.post(
        reverse("wagtailimages:edit", args=[world.a_image.pk]),
        {"title": "Logo Alfa", "collection": world.b_collection.pk, "tags": ""},
    )
    assert response.status_code in (200, 302)
    world.a_image.refresh_from_db()
    assert world.a_image.collection_id == world.a_collection.pk


@pytest.mark.parametrize(
    "url_name",
    ["wagtailimages:index", "wagtailimages_chooser:choose", "wagtaildocs:index",
     "wagtaildocs_chooser:choose"],
)  # fmt: skip
def test_partner_does_not_see_b_media_in_listings(a_client, world, url_name):
    url = reverse(url_name) + f"?collection_id={world.b_collection.pk}"
    response = a_client.get(url)
    text = response_text(response)
    assert "Logo Beta" not in text and "Folder Beta" not in text
    # Positive control: B sees its own media there.
    b_text = response_text(client_for(world.b.user).get(reverse(url_name)))
    assert "Logo Beta" in b_text or "Folder Beta" in b_text


# Admin screens every editor may open must not show another organisation's unpublished work.
LISTINGS = {
    "dashboard": lambda w: reverse("wagtailadmin_home"),
    "explorer-root": lambda w: reverse("wagtailadmin_explore_root"),
    "page-search": lambda w: reverse("wagtailadmin_pages:search") + "?q=Beweegcoach",
    "page-type-usage": lambda w: reverse(
        "wagtailadmin_pages:type_use", args=["aanbod", "aanbodpage"]
    ),
    "report-site-history": lambda w: reverse("wagtailadmin_reports:site_history"),
    "report-aging-pages": lambda w: reverse("wagtailadmin_reports:aging_pages"),
    "report-workflow": lambda w: reverse("wagtailadmin_reports:workflow"),
    "report-workflow-tasks": lambda w: reverse("wagtailadmin_reports:workflow_tasks"),
    "report-page-types-usage": lambda w: reverse("wagtailadmin_reports:page_types_usage"),
    "admin-api-listing": lambda w: (
        reverse("wagtailadmin_api:pages:listing") + "?search=Beweegcoach&fields=*"
    ),
    "admin-api-children": lambda w: (
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={w.b.organisatie.pk}"
    ),
    "page-chooser-b-organisation": lambda w: reverse(
        "wagtailadmin_choose_page_child", args=[w.b.organisatie.pk]
    ),
    "page-chooser-search": lambda w: reverse("wagtailadmin_choose_page_search") + "?q=Beweegcoach",
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_admin_listings_do_not_show_b_drafts(a_client, world, listing):
    url = LISTINGS[listing](world)
    before = db_state()
    response = a_client.get(url)
    text = response_text(response)
    assert GEHEIM not in text
    assert "Valpreventie Beta (nieuw)" not in text
    assert "Logo Beta" not in text and "Folder Beta" not in text
    assert_db_unchanged(before)


def test_external_link_chooser_does_not_reveal_b_draft_title(a_client, world):
    b_url = "http://localhost" + world.b_offer.url_path.removeprefix(
        world.site_tree.home.url_path[:-1]
    )
    response = a_client.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": b_url, "external-link-chooser-link_text": ""},
    )
    assert GEHEIM not in response_text(response)


def test_partner_cannot_use_b_image_in_own_page(a_client, world):
    """The image chooser only offers A's own collection, but the form field behind it accepts any
    image id: B's image must not end up in A's page (where A's preview would render it)."""
    org = world.a.organisatie
    data = edit_form_data(a_client, org)
    a_client.post(
        reverse("wagtailadmin_pages:edit", args=[org.pk]),
        with_changes(data, logo=world.b_image.pk),
    )
    a_client.post(
        reverse("wagtailadmin_pages:edit", args=[org.pk]),
        with_changes(data, logo=world.b_image.pk, **{"action-submit": "1"}),
    )
    org = OrganisatiePage.objects.get(pk=org.pk)
    assert org.logo_id != world.b_image.pk
    assert all(revision.content.get("logo") != world.b_image.pk for revision in org.revisions.all())


def test_partner_preview_does_not_render_b_image(a_client, world):
    org = world.a.organisatie
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[org.pk])
    a_client.post(url, with_changes(edit_form_data(a_client, org), logo=world.b_image.pk))
    response = a_client.get(url)
    assert "images/beta" not in response_text(response)


@pytest.mark.parametrize("initial_forms", [1, 0])
def test_partner_cannot_take_over_b_location_through_the_formset(a_client, world, initial_forms):
    """An inline row is addressed by its id: sending the id of B's location in A's own form must
    neither change B's row nor put it in A's revision (publishing that would move the row)."""
    from aanbod.models import AanbodLocatie

    b_offer = AanbodPage.objects.get(pk=world.b.offer.pk)
    locatie = AanbodLocatie.objects.create(
        aanbod=b_offer, naam="Buurtcentrum Beta", straat_nummer="Betastraat 1", postcode="9000"
    )
    offer = world.a.offer
    data = with_changes(
        world.a_offer_form,
        locaties__TOTAL_FORMS=1,
        locaties__INITIAL_FORMS=initial_forms,
        locaties__0__id=locatie.pk,
        locaties__0__naam="Gekaapt",
        locaties__0__straat_nummer="Alfastraat 1",
        locaties__0__postcode="9000",
        locaties__0__gemeente="Gent",
        locaties__0__ORDER=1,
    )
    a_client.post(reverse("wagtailadmin_pages:edit", args=[offer.pk]), data)
    a_client.post(
        reverse("wagtailadmin_pages:edit", args=[offer.pk]),
        with_changes(data, **{"action-submit": "1"}),
    )
    locatie.refresh_from_db()
    assert (locatie.aanbod_id, locatie.naam) == (b_offer.pk, "Buurtcentrum Beta")
    offer = AanbodPage.objects.get(pk=offer.pk)
    for revision in offer.revisions.all():
        ids = [row.get("pk") for row in revision.content.get("locaties", [])]
        assert locatie.pk not in ids
    # Even if the coordinator approves whatever is pending, B keeps its location.
    task_state = offer.current_workflow_task_state
    if task_state is not None:
        client_for(world.coordinator).post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[offer.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
    locatie.refresh_from_db()
    assert (locatie.aanbod_id, locatie.naam) == (b_offer.pk, "Buurtcentrum Beta")


# ---------------------------------------------------------------------------------------------
# Positive controls: what a partner CAN do, and the coordinator's approval
# ---------------------------------------------------------------------------------------------


def test_partner_can_save_a_draft_of_own_offer(a_client, world):
    offer = world.a.offer
    revisions = offer.revisions.count()
    response = a_client.post(
        reverse("wagtailadmin_pages:edit", args=[offer.pk]),
        with_changes(world.a_offer_form, title="Beweegcoach Alfa, vernieuwd"),
    )
    assert response.status_code == 302, response_text(response)[:3000]
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.revisions.count() == revisions + 1
    assert offer.get_latest_revision_as_object().title == "Beweegcoach Alfa, vernieuwd"
    assert offer.title == "Beweegcoach WGC Alfa" and offer.live  # the public still sees the old
    assert offer.has_unpublished_changes


def test_partner_can_create_an_offer_under_own_organisation(a_client, world):
    pages = Page.objects.count()
    response = a_client.post(
        reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", world.a.organisatie.pk]),
        nieuw_aanbod(world, "Rookstop Alfa", "rookstop-alfa"),
    )
    assert response.status_code == 302, response_text(response)[:3000]
    assert Page.objects.count() == pages + 1
    nieuw = AanbodPage.objects.get(slug="rookstop-alfa")
    assert nieuw.get_parent().pk == world.a.organisatie.pk
    assert nieuw.owner == world.a.user
    assert not nieuw.live
    assert list(nieuw.themas.all()) == [world.thema]


def test_partner_creating_with_publish_only_saves_a_draft(a_client, world):
    response = a_client.post(
        reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", world.a.organisatie.pk]),
        with_changes(
            nieuw_aanbod(world, "Rookstop Alfa", "rookstop-alfa"), **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    nieuw = AanbodPage.objects.get(slug="rookstop-alfa")
    assert not nieuw.live and nieuw.live_revision is None


def test_partner_can_edit_own_organisation_page_as_draft(a_client, world):
    org = world.a.organisatie
    data = edit_form_data(a_client, org)
    response = a_client.post(
        reverse("wagtailadmin_pages:edit", args=[org.pk]),
        with_changes(data, korte_beschrijving="Wij zijn Alfa."),
    )
    assert response.status_code == 302, response_text(response)[:3000]
    org = OrganisatiePage.objects.get(pk=org.pk)
    assert org.get_latest_revision_as_object().korte_beschrijving == "Wij zijn Alfa."
    assert org.korte_beschrijving == ""  # not published


def test_submit_then_coordinator_approves(a_client, world):
    offer = world.a.offer
    live_revision_id = offer.live_revision_id
    response = a_client.post(
        reverse("wagtailadmin_pages:edit", args=[offer.pk]),
        with_changes(world.a_offer_form, title="Beweegcoach Alfa 2.0", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response_text(response)[:3000]
    offer = AanbodPage.objects.get(pk=offer.pk)
    # Submitted, not published.
    assert offer.workflow_in_progress
    assert offer.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert offer.live_revision_id == live_revision_id
    assert offer.title == "Beweegcoach WGC Alfa"
    public = Client().get(offer.url)
    assert "Beweegcoach Alfa 2.0" not in response_text(public)

    task_state = offer.current_workflow_task_state
    coordinator_client = client_for(world.coordinator)
    response = coordinator_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[offer.pk, "approve", task_state.pk]),
        {"comment": "Mooi zo"},
    )
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.live
    assert offer.title == "Beweegcoach Alfa 2.0"
    assert offer.live_revision_id != live_revision_id
    assert not offer.workflow_in_progress
    assert "Beweegcoach Alfa 2.0" in response_text(Client().get(offer.url))
