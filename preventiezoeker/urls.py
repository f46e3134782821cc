from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

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
urlpatterns += [path("api/v1/", include("api.urls"))]

# Calendar feeds (kalender/): also before the catch-all, which serves /kalender/ itself.
urlpatterns += [path("kalender/", include("kalender.urls"))]

# The "Klopt nog" link of the freshness mails (nakijken/): before the catch-all too.
urlpatterns += [path("", include("nakijken.urls"))]

# Mijn selectie, doorverwijsfiche, gezondheidsgids, correcties: before the catch-all too.
urlpatterns += [path("", include("doorverwijzing.urls"))]

urlpatterns += [path("", include(wagtail_urls))]
