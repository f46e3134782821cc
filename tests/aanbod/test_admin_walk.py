"""Every admin URL, opened by partner A with organisation B's ids: none shows B's unpublished work.

The URL patterns come from the resolver, not from a list kept by hand, so a view that Wagtail or
the project adds later is walked too (and a URL argument nobody knows how to fill fails the test
until it gets a value below).
"""

import re

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site, Task, Workflow, WorkflowState

import pytest

from aanbod.models import AanbodPage
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.aanbod.test_permissions import pdf_upload, png_upload

# B's secrets: its pages' unpublished titles, its image and its document.
CONCEPT = "GEHEIM-B-CONCEPT-{}"
B_MEDIA = ("GEHEIM-B-BEELD", "GEHEIM-B-DOCUMENT")
# A's own draft: the walk must show it somewhere, or it proves nothing.
A_CONCEPT = "ZICHTBAAR-A-CONCEPT"

# Wagtail's deliberate crash page for trying out the 500 page (any admin user may open it).
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}
# Opened last: it ends A's session.
LAST = {"wagtailadmin_logout"}


def admin_patterns(patterns=None, prefix=(), namespaces=()):
    """(route pieces, URL name, view) for every URL pattern, in the resolver's order."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        pieces = (*prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from admin_patterns(
                pattern.url_patterns, pieces, (*namespaces, pattern.namespace)
            )
        elif isinstance(pattern, URLPattern):
            name = ":".join(filter(None, (*namespaces, pattern.name or "")))
            yield pieces, name or "".join(pieces), pattern.callback


ROUTE_ARG = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_ARG = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def fill(piece, values):
    """One route piece with its arguments filled in; raises KeyError for an unknown one."""
    if piece.startswith("^"):  # a regex pattern
        piece = REGEX_ARG.sub(lambda m: str(values[m[1]]), piece.strip("^$"))
        return piece.replace(".*", "bestaat-niet").replace("\\", "")
    return ROUTE_ARG.sub(lambda m: str(values[m[1]]), piece)


# URLs whose arguments mean something else than the defaults in Walk.values().
OVERRIDES = {
    "wagtailadmin_editing_sessions:ping": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "page",
    },
    "wagtailadmin_workflows:add_task": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    },
    "wagtailadmin_tag_model_autocomplete": lambda w: {
        "app_name": "wagtailimages",
        "model_name": "image",
    },
    "wagtailsettings:edit": lambda w: w.setting_values(),
    "wagtailsettings:preview_on_edit": lambda w: w.setting_values(),
    "wagtailadmin_workflows:edit_task": lambda w: {"pk": w.by_model[Task].pk},
    "wagtailadmin_workflows:disable_task": lambda w: {"pk": w.by_model[Task].pk},
    "wagtailadmin_workflows:enable_task": lambda w: {"pk": w.by_model[Task].pk},
}


def model_of(view):
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    initkwargs = getattr(view, "view_initkwargs", None) or {}
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    return model if isinstance(model, type) and issubclass(model, Model) else None


class Walk:
    """B's world (pages in three states, media, user) and the ids that fill each argument."""

    def __init__(self, a, b, site_tree):
        self.a, self.b = a, b
        org = b.organisatie

        # 1: never published, submitted for moderation.
        concept = AanbodPageFactory(parent=org, title=CONCEPT.format(1), live=False)
        concept.save_revision(user=b.user, log_action=True)
        concept.get_workflow().start(concept, b.user)
        # 2: live, with a newer draft.
        live = AanbodPage.objects.get(pk=b.offer.pk)
        live.title = CONCEPT.format(2)
        live.save_revision(user=b.user, log_action=True)
        # 3: live, with a newer draft submitted for moderation.
        ingediend = publish(AanbodPageFactory(parent=org, title="Valpreventie WGC Beta"))
        ingediend.title = CONCEPT.format(3)
        ingediend.save_revision(user=b.user, log_action=True)
        ingediend.get_workflow().start(ingediend, b.user)
        # 4: never published, never submitted.
        nooit = AanbodPageFactory(parent=org, title=CONCEPT.format(4), live=False)
        nooit.save_revision(user=b.user, log_action=True)
        self.b_pages = [Page.objects.get(pk=p.pk) for p in (concept, live, ingediend, nooit)]

        a_concept = AanbodPageFactory(parent=a.organisatie, title=A_CONCEPT, live=False)
        a_concept.save_revision(user=a.user)
        self.a_concept = a_concept

        collection = Collection.objects.get(name=org.title)
        self.b_image = Image.objects.create(
            title=B_MEDIA[0], file=png_upload("b.png"), collection=collection
        )
        self.b_document = Document.objects.create(
            title=B_MEDIA[1], file=pdf_upload("b.pdf"), collection=collection
        )
        self.by_model = {
            Image: self.b_image,
            Document: self.b_document,
            type(b.user): b.user,
            Group: b.group,
            Collection: collection,
            Site: Site.objects.get(is_default_site=True),
            Workflow: site_tree.home.get_workflow(),
            Task: site_tree.home.get_workflow().tasks.first(),
        }
        self.secrets = [CONCEPT.format(n) for n in range(1, 5)] + list(B_MEDIA)

    def object_for(self, model, page):
        if model is None:
            return None
        if issubclass(model, Page):
            return page
        for known, obj in self.by_model.items():
            if issubclass(model, known):
                return obj
        return model._default_manager.order_by("pk").first()

    def values(self, view, page):
        """Every argument name any admin URL uses, filled with B's ids (for `page`)."""
        revision = page.latest_revision
        b_states = WorkflowState.objects.filter(requested_by=self.b.user)
        workflow_state = (
            b_states.filter(object_id=str(page.pk)).first() or b_states.order_by("pk").first()
        )
        task_state = workflow_state.current_task_state if workflow_state else None
        obj = self.object_for(model_of(view), page)
        return {
            "pk": obj.pk if obj is not None else 999999,
            "page_id": page.pk,
            "parent_page_id": page.pk,
            "page_to_move_id": page.pk,
            "page_pk": page.pk,
            "object_id": page.pk,
            "destination_id": self.a.organisatie.pk,
            "revision_id": revision.pk,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "workflow_state_id": workflow_state.pk if workflow_state else 999999,
            "task_state_id": task_state.pk if task_state else 999999,
            "task_id": self.by_model[Task].pk,
            "workflow_pk": self.by_model[Workflow].pk,
            "action_name": "approve",
            "image_id": self.b_image.pk,
            "document_id": self.b_document.pk,
            "doc_id": self.b_document.pk,
            "uploaded_file_id": 999999,
            "collection_id": self.by_model[Collection].pk,
            "redirect_id": 999999,
            "session_id": 999999,
            "filter_spec": "fill-100x100",
            "content_type_app_name": "aanbod",
            "content_type_model_name": "aanbodpage",
            "app_label": "aanbod",
            "app_name": "aanbod",
            "model_name": "aanbodpage",
            "uidb64": "MQ",
            "token": "set-password",
        }

    def setting_values(self):
        setting = settings_registry[0]
        return {
            "app_name": setting._meta.app_label,
            "model_name": setting._meta.model_name,
            "pk": self.by_model[Site].pk,
        }

    def bulk_urls(self):
        """Bulk actions take their objects from `?id=`: one URL per registered action."""
        bulk_action_registry._scan_for_bulk_actions()
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                for action_type, action in actions.items():
                    model = action.models[0] if len(action.models) == 1 else None
                    if model is None or issubclass(model, Page):
                        ids = [page.pk for page in self.b_pages]
                        ids += [self.b.organisatie.pk, self.a_concept.pk]
                    else:
                        obj = self.object_for(model, None)
                        ids = [obj.pk] if obj is not None else [999999]
                    query = "&".join(f"id={pk}" for pk in ids)
                    args = [app_label, model_name, action_type]
                    yield reverse("wagtail_bulk_action", args=args) + "?" + query


def urls_to_walk(walk):
    """(URL name, URL) for every admin pattern; a pattern about a page once per B page."""
    page_args = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "object_id"}
    first, last = [], []
    for pieces, name, view in admin_patterns():
        if not pieces[0].startswith("admin/") or name in DELIBERATE_ERRORS:
            continue
        args = {m for piece in pieces for m in ROUTE_ARG.findall(piece) + REGEX_ARG.findall(piece)}
        if name == "wagtail_bulk_action":
            first += [(name, url) for url in walk.bulk_urls()]
            continue
        model = model_of(view)
        about_a_page = args & page_args or (
            "pk" in args and model is not None and issubclass(model, Page)
        )
        # Never published and in moderation; live with a newer draft (not in moderation).
        pages = walk.b_pages[:2] if about_a_page else walk.b_pages[:1]
        for page in pages:
            values = walk.values(view, page)
            if name in OVERRIDES:
                values |= OVERRIDES[name](walk)
            try:
                url = "/" + "".join(fill(piece, values) for piece in pieces)
            except KeyError as error:
                pytest.fail(f"{name}: no value for URL argument {error}")
            (last if name in LAST else first).append((name, url + "?q=GEHEIM"))
    return first + last


def test_partner_walks_every_admin_url_and_sees_nothing_of_b(partner_a, partner_b, site_tree):
    walk = Walk(partner_a, partner_b, site_tree)
    client = Client()
    client.force_login(partner_a.user)
    urls = urls_to_walk(walk)
    patterns = {name for name, url in urls}

    leaks, errors, shown_a = [], [], []
    for name, url in urls:
        try:
            response = client.get(url)
        except Exception as error:  # the test client re-raises what would be a 500
            errors.append(f"{url} ({name}): {type(error).__name__}: {error}")
            continue
        if response.status_code >= 500:
            errors.append(f"{url} ({name}): {response.status_code}")
        if getattr(response, "streaming", False):
            text = b"".join(response.streaming_content).decode(errors="replace")
        else:
            text = response.content.decode(errors="replace")
        # A flash message shows on the next page: check it here, where it was made, then drop it.
        text += " ".join(str(message) for message in get_messages(response.wsgi_request))
        client.cookies.pop("messages", None)
        if found := [secret for secret in walk.secrets if secret in text]:
            leaks.append(f"{url} ({name}): {', '.join(found)}")
        if A_CONCEPT in text:
            shown_a.append(url)

    walked = f"{len(urls)} requests over {len(patterns)} admin URL patterns"
    assert not leaks, f"{walked}; B's unpublished content shown to A:\n" + "\n".join(leaks)
    assert not errors, f"{walked}; server errors:\n" + "\n".join(errors)
    # Control: the same walk does show A its own draft (the explorer, the bulk pages, ...).
    assert any("/admin/bulk/wagtailcore/page/" in url for url in shown_a), shown_a
    assert len(patterns) > 250
