"""Admin lists only coordinators read and nobody edits: mails waiting in the outbox, visitors'
reports. Partners see neither."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from preventiezoeker.permissions import COORDINATOR_GROUP


class CoordinatorReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action != "view" or not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or user.groups.filter(name=COORDINATOR_GROUP).exists()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=COORDINATOR_GROUP)).distinct()
