from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from aanbod import feeds as aanbod_feeds
from home.admin_views import page_types_usage
from preventiezoeker.admin_guard import guard_admin_urls
from preventiezoeker.health import health

urlpatterns = [
    path("health/", health, name="health"),
    # Stricter than Wagtail's default (see home/admin_views.py); must come before the admin.
    path(
        "admin/reports/page-types-usage/",
        page_types_usage,
        name="pz_page_types_usage",
    ),
    path("admin/", include(guard_admin_urls(wagtailadmin_urls))),
    path("documenten/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public JSON API (api/): before the Wagtail catch-all.
urlpatterns += [
    path("api/v1/", include("api.urls")),
    path("api/hsds/", include("api.hsds.urls")),
]

# The "Klopt nog" link of the freshness mails (nakijken/): for partners, so Dutch only;
# before the catch-all.
urlpatterns += [path("", include("nakijken.urls"))]

# The public site in every language of settings.LANGUAGES: Dutch at today's URLs, the others
# under their prefix (/fr/aanbod/). The calendar feeds sit here too, so /kalender/ical/ stays
# Dutch and /fr/kalender/ical/ is French. Order as before: feeds, the selection and the
# handout before Wagtail's catch-all, which serves /kalender/ itself.
urlpatterns += i18n_patterns(
    path("kalender/", include("kalender.urls")),
    # New and changed offers as feeds (aanbod/feeds.py); "atom" and "rss" are no organisation.
    path("aanbod/atom/", aanbod_feeds.atom, name="aanbod_atom"),
    path("aanbod/rss/", aanbod_feeds.rss, name="aanbod_rss"),
    path("insluiten/", include("insluiten.urls")),
    path("", include("doorverwijzing.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
