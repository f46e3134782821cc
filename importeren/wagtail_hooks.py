from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("importeren/", views.start, name="importeren_start"),
        path("importeren/sjabloon/", views.download, name="importeren_sjabloon"),
        path("importeren/<int:pk>/", views.taak, name="importeren_taak"),
        path("importeren/<int:pk>/toepassen/", views.pas_toe, name="importeren_toepassen"),
        path("importeren/<int:pk>/status/", views.status, name="importeren_status"),
    ]


class ImporterenMenuItem(MenuItem):
    def is_shown(self, request):
        return views.mag_importeren(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ImporterenMenuItem(
        "Aanbod importeren", reverse("importeren_start"), icon_name="upload", order=250
    )
