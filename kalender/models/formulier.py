"""The activity editor's form: only the organisation's own offers and live campaigns can be
linked, and the dates and the way to enrol must make sense before the activity is saved."""

from wagtail.admin.forms import WagtailAdminPageForm

from ..praktisch import MET_CONTACT
from .campagne import CampagnePage


class ActiviteitForm(WagtailAdminPageForm):
    """Only the organisation's own offers can be linked, also in a crafted POST."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from aanbod.models import AanbodPage

        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if "aanbod" in self.fields:
            offers = AanbodPage.objects.none()
            if parent is not None:
                offers = AanbodPage.objects.child_of(parent).order_by("title")
            self.fields["aanbod"].queryset = offers
        if "campagne" in self.fields:
            self.fields["campagne"].queryset = CampagnePage.objects.live().order_by("-start")

    def clean(self):
        cleaned = super().clean()
        self._contact_om_in_te_schrijven(cleaned)
        if cleaned.get("herhaling"):
            return cleaned
        datums = self.formsets.get("losse_data")
        filled = [
            f
            for f in (datums.forms if datums is not None else [])
            if f.is_valid() and f.cleaned_data.get("datum") and not f.cleaned_data.get("DELETE")
        ]
        if datums is not None and not filled:
            self.add_error(
                "herhaling", "Vul minstens één datum in, of kies hoe vaak de activiteit herhaalt."
            )
        return cleaned

    def _contact_om_in_te_schrijven(self, cleaned):
        """ "Op afspraak" or "inschrijven" needs a phone, e-mail or link: here, at the offer or
        at the organisation; otherwise nobody can act on it."""
        aanbod = cleaned.get("aanbod")
        wijze = cleaned.get("inschrijving") or (aanbod.inschrijving if aanbod else [])
        if not set(wijze) & MET_CONTACT:
            return
        velden = ("inschrijving_telefoon", "inschrijving_email", "inschrijving_link")
        if any(cleaned.get(v) for v in velden):
            return
        if aanbod is not None and any(getattr(aanbod, v) for v in velden):
            return
        org = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        org = org.specific if org is not None else None
        if org is not None and any(getattr(org, v, "") for v in ("telefoon", "email", "website")):
            return
        self.add_error(
            "inschrijving_telefoon",
            "Hoe schrijf je in of maak je een afspraak? Vul een telefoonnummer, e-mailadres of "
            "link in.",
        )
