"""Who sees the coordinator's figures: coordinators (and superusers) only, never a partner.

The figures span every organisation; a partner's own referral counts stay in
doorverwijzing's "Doorverwijzingen" report, limited to its own offers."""

from preventiezoeker.permissions import can_publish_somewhere


def mag_cijfers_zien(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or can_publish_somewhere(user)
