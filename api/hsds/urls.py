"""/api/hsds/: the Open Referral HSDS 3.0 API, a list and a detail per HSDS object.

With or without a trailing slash (HSDS writes /services, our other API /aanbod/); any text after
the list's slash (newlines too) is a detail id, and any other address under /api/hsds/ is
unknown: both get the API's JSON 404, never the site's HTML page.
"""

from django.urls import path, re_path

from . import views

app_name = "hsds"
urlpatterns = [
    path("", views.root, name="root"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(r"^organizations/(?P<id>[\s\S]+?)/?$", views.organization_detail, name="organization"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(r"^services/(?P<id>[\s\S]+?)/?$", views.service_detail, name="service"),
    re_path(r"^locations/?$", views.locations, name="locations"),
    re_path(r"^locations/(?P<id>[\s\S]+?)/?$", views.location_detail, name="location"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^service_at_locations/(?P<id>[\s\S]+?)/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<id>[\s\S]+?)/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(
        r"^taxonomy_terms/(?P<id>[\s\S]+?)/?$", views.taxonomy_term_detail, name="taxonomy_term"
    ),
    re_path(r"^[\s\S]*$", views.unknown, name="unknown"),
]
