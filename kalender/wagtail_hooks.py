from wagtail import hooks

from .models import ActiviteitPage


@hooks.register("after_copy_page")
def momenten_na_kopie(request, page, new_page):
    # A copy that stays live (coordinators only) is published without a page_published signal.
    if new_page.live and isinstance(new_page.specific, ActiviteitPage):
        new_page.specific.bouw_momenten()
