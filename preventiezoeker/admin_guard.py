"""One guard in front of every admin view that takes a page from its URL.

Several Wagtail admin views name the page in their URL before (or without) checking what the
user may do with it: the page chooser's header, the move confirmation, the workflow views' "not
awaiting moderation" message. A page the user may not see (preventiezoeker.permissions) is
answered with a 404 before the view runs, as if it did not exist.
"""

from functools import wraps

from django.views.defaults import page_not_found

from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from preventiezoeker.permissions import pages_user_may_see

# URL arguments that hold a page id in Wagtail's admin (pages, explorer, chooser, forms, workflows).
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")


def hide_unseen_pages(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        page_ids = {kwargs[name] for name in PAGE_ARGUMENTS if name in kwargs}
        if page_ids and request.user.is_authenticated:
            existing = Page.objects.filter(pk__in=page_ids)
            if existing.exclude(pk__in=pages_user_may_see(request.user).values("pk")).exists():
                # Wagtail's own admin 404 page, as for a page that does not exist.
                return page_not_found(request, "", template_name="wagtailadmin/404.html")
        return view(request, *args, **kwargs)

    return guarded


def guard_admin_urls(urlconf_module):
    """Wrap every view of Wagtail's admin URLconf (in place, like Wagtail's own decorators)."""
    decorate_urlpatterns(urlconf_module.urlpatterns, hide_unseen_pages)
    return urlconf_module
