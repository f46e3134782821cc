"""An organisation and the partner role that may edit it.

The page tree is the permission model: a partner group gets add/change on its own
OrganisatiePage (so on its offers below it) and nothing to publish; images and documents go into
the organisation's own collection.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Collection
from wagtail.users.models import UserProfile

from aanbod.models import AanbodIndexPage, OrganisatiePage
from preventiezoeker.permissions import (
    grant_collection_permissions,
    grant_page_permissions,
    permission,
)

PARTNER_PAGE_PERMISSIONS = ("add", "change")
PARTNER_COLLECTION_PERMISSIONS = ("add", "change", "choose")


def partner_group_name(organisatie):
    return f"Partner: {organisatie.title}"[:150]


@transaction.atomic
def maak_organisatie(naam, soort, *, slug=None, **velden):
    """Create (or find by slug) an organisation with its partner group and collection."""
    slug = slug or slugify(naam)
    index = AanbodIndexPage.objects.get()
    organisatie = OrganisatiePage.objects.child_of(index).filter(slug=slug).first()
    if organisatie is None:
        organisatie = index.add_child(
            instance=OrganisatiePage(title=naam, slug=slug, soort=soort, **velden)
        )
        organisatie.save_revision().publish()

    group, _ = Group.objects.get_or_create(name=partner_group_name(organisatie))
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    grant_page_permissions(group, organisatie, PARTNER_PAGE_PERMISSIONS)

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=naam).first()
    if collection is None:
        collection = root.add_child(name=naam)
    grant_collection_permissions(group, collection, PARTNER_COLLECTION_PERMISSIONS)
    return organisatie, group


def maak_gebruiker(username, email, group, *, wachtwoord=None, first_name="", last_name=""):
    """A Dutch-speaking admin user in one group; without password they set it via a reset mail."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": email, "first_name": first_name, "last_name": last_name},
    )
    if wachtwoord:
        user.set_password(wachtwoord)
    elif created:
        user.set_unusable_password()
    user.save()
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    return user
