from django.contrib import messages

from wagtail import hooks

from aanbod.models import AanbodPage

from .models import ActiviteitPage
from .wanneer import planning_waarschuwingen


@hooks.register("after_copy_page")
def momenten_na_kopie(request, page, new_page):
    # A copy that stays live (coordinators only) is published without a page_published signal.
    if new_page.live and isinstance(new_page.specific, ActiviteitPage):
        new_page.specific.bouw_momenten()


@hooks.register("after_edit_page")
def planning_na_opslaan(request, page):
    # Saved anyway: the warning only tells the partner what the public will (not) read.
    if isinstance(page.specific, AanbodPage):
        zinnen = planning_waarschuwingen(page.specific)
        if zinnen:
            messages.warning(request, " ".join(zinnen))
