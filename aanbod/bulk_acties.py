"""Wagtail's bulk actions, limited to what the user may see.

Wagtail's confirmation pages (`/admin/bulk/<app>/<model>/<action>/?id=...`) list every id asked
for by title, those the user may not act on under "no permission". For a page that title is the
draft title, so a partner could read another organisation's unpublished work. These subclasses
treat an object the user holds no permission on as unknown: left out of the list, and a 404
when nothing is left - the same answer as for an id that does not exist.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import get_list_or_404

from wagtail.admin.views.pages import bulk_actions as page_actions
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.images.views import bulk_actions as image_actions
from wagtail.snippets import bulk_actions as snippet_actions
from wagtail.users.views import bulk_actions as user_actions

from preventiezoeker.permissions import instances_user_may_see


class AlleenZichtbaar:
    """Put first in the bases of a Wagtail bulk action."""

    def get_queryset(self, model, object_ids):
        zichtbaar = instances_user_may_see(self.request.user, model)
        if isinstance(object_ids, list):
            object_ids = [pk for pk in object_ids if _is_valid_pk(model, pk)]
        return get_list_or_404(zichtbaar.filter(pk__in=object_ids))

    def get_actionable_objects(self):
        try:
            return super().get_actionable_objects()
        except (ObjectDoesNotExist, ValidationError, ValueError) as error:
            # An unknown or malformed `childOf` is as unknown as a wrong id.
            raise Http404 from error


def _is_valid_pk(model, value):
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


WAGTAIL_BULK_ACTIONS = (
    page_actions.DeleteBulkAction,
    page_actions.MoveBulkAction,
    page_actions.PublishBulkAction,
    page_actions.UnpublishBulkAction,
    image_actions.AddTagsBulkAction,
    image_actions.AddToCollectionBulkAction,
    image_actions.DeleteBulkAction,
    document_actions.AddTagsBulkAction,
    document_actions.AddToCollectionBulkAction,
    document_actions.DeleteBulkAction,
    snippet_actions.DeleteBulkAction,
    user_actions.AssignRoleBulkAction,
    user_actions.DeleteBulkAction,
    user_actions.SetActiveStateBulkAction,
)


def _limited(action):
    app = action.__module__.split(".")[1].title()  # admin, images, documents, snippets, users
    return type(f"Zichtbaar{app}{action.__name__}", (AlleenZichtbaar, action), {})


# Same action_type, registered later (aanbod/wagtail_hooks.py): the registry keeps the last one.
BULK_ACTIONS = tuple(_limited(action) for action in WAGTAIL_BULK_ACTIONS)
