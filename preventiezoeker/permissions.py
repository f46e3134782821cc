"""Roles and permission helpers every app may use: the coordinator group, granting page and
collection rights, and who acts as a coordinator (may publish somewhere).

Project level on purpose: setup (home), the partner role (aanbod) and the referral admin
(doorverwijzing) all need these, and a lower app must not import a higher one.
"""

from django.contrib.auth.models import Permission

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

COORDINATOR_GROUP = "Coördinatoren"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_page_permissions(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", f"{action}_page")
        )


def grant_collection_permissions(group, collection, actions):
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(app_label, f"{action}_{model}"),
            )


def can_publish_somewhere(user):
    """The coordinator role (and superusers): partners may add and change, never publish."""
    return PagePermissionPolicy(Page).user_has_permission(user, "publish")


def editable_pages(user):
    """The pages a user may add below or change: for a partner, its own organisation."""
    return PagePermissionPolicy(Page).instances_user_has_any_permission_for(user, ["add", "change"])


# Every action any permission policy knows: pages, collections (images, documents), models.
ANY_ACTION = (
    "add",
    "change",
    "delete",
    "view",
    "choose",
    "publish",
    "bulk_delete",
    "lock",
    "unlock",
)


def instances_user_may_see(user, model):
    """What the admin may name to a user at all: the objects it holds some permission on. For a
    partner that is its own organisation's pages and collection, never another one's drafts."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ANY_ACTION)


def pages_user_may_see(user):
    """Pages the admin may name to a user (by title) at all: those it holds a permission on, the
    ancestors it navigates through to reach them, and public pages without a newer draft. Never
    another organisation's draft or never-published page."""
    own = instances_user_may_see(user, Page)
    roots = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page__path", flat=True
    )
    steplen = Page.steplen
    ancestors = {path[:end] for path in roots for end in range(steplen, len(path), steplen)}
    return (
        own
        | Page.objects.filter(path__in=ancestors)
        | Page.objects.filter(live=True, has_unpublished_changes=False)
    )
