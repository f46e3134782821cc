"""Wagtail's admin API for images and documents, limited like their choosers.

Out of the box `/admin/api/main/images/<id>/` answers any editor with any image's title and
thumbnail; here a partner gets only what it holds a permission on (its own collection).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from preventiezoeker.permissions import instances_user_may_see


class AlleenZichtbaar:
    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.filter(pk__in=instances_user_may_see(self.request.user, queryset.model))


class ImagesEndpoint(AlleenZichtbaar, ImagesAdminAPIViewSet):
    pass


class DocumentsEndpoint(AlleenZichtbaar, DocumentsAdminAPIViewSet):
    pass


ENDPOINTS = {"images": ImagesEndpoint, "documents": DocumentsEndpoint}
