"""The officialese list is the coordinators' to keep: partners get its hints, never its pages."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from preventiezoeker.permissions import COORDINATOR_GROUP


def is_coordinator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATOR_GROUP).exists()


class CoordinatorPolicy(ModelPermissionPolicy):
    """Every action for coordinators (and superusers), none for anyone else."""

    def user_has_permission(self, user, action):
        return is_coordinator(user)

    def user_has_any_permission(self, user, actions):
        return is_coordinator(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(Q(is_superuser=True) | Q(groups__name=COORDINATOR_GROUP)).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
