"""/api/hsds/: the Open Referral HSDS 3.0 API, a list and a detail per HSDS object.

With or without a trailing slash (HSDS writes /services, our other API /aanbod/); any text after
the list's slash is a detail id, so a malformed id gets the API's JSON 404, not the site's page.
"""

from django.urls import path, re_path

from . import views

app_name = "hsds"
urlpatterns = [
    path("", views.root, name="root"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(r"^organizations/(?P<id>.+?)/?$", views.organization_detail, name="organization"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(r"^services/(?P<id>.+?)/?$", views.service_detail, name="service"),
    re_path(r"^locations/?$", views.locations, name="locations"),
    re_path(r"^locations/(?P<id>.+?)/?$", views.location_detail, name="location"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^service_at_locations/(?P<id>.+?)/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<id>.+?)/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<id>.+?)/?$", views.taxonomy_term_detail, name="taxonomy_term"),
]
