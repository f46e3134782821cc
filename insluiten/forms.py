"""The admin's choice of what to embed. A partner chooses among their own organisations only;
the coordinator (who may publish) among all. Only what the public can see is offered."""

from django import forms
from django.conf import settings

from aanbod.models import OrganisatiePage, Thema, Wijk
from kalender.models import CampagnePage
from preventiezoeker.permissions import can_publish_somewhere, editable_pages

from .snippet import Keuze

WAT = [
    ("organisatie", "Het aanbod van een organisatie"),
    ("aanbod", "Aanbod over een thema of in een wijk"),
    ("campagne", "De kalender van een campagne"),
]


def organisaties_voor(user):
    """The organisations this user may embed: their own, or all for a coordinator."""
    zichtbaar = OrganisatiePage.objects.live().public().order_by("title")
    if user.is_superuser or can_publish_somewhere(user):
        return zichtbaar
    return zichtbaar.filter(pk__in=editable_pages(user).values("pk"))


def mag_insluiten(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or can_publish_somewhere(user) or editable_pages(user).exists()


class InsluitenForm(forms.Form):
    wat = forms.ChoiceField(label="Wat wil je tonen?", choices=WAT, widget=forms.RadioSelect)
    organisatie = forms.ModelChoiceField(
        label="Organisatie", queryset=OrganisatiePage.objects.none(), required=False,
        to_field_name="slug", empty_label="Kies een organisatie",
    )  # fmt: skip
    thema = forms.ModelChoiceField(
        label="Thema", queryset=Thema.objects.all(), required=False, to_field_name="slug",
        empty_label="Alle thema's",
    )  # fmt: skip
    wijk = forms.ModelChoiceField(
        label="Wijk", queryset=Wijk.objects.all(), required=False, to_field_name="slug",
        empty_label="Alle wijken",
    )  # fmt: skip
    campagne = forms.ModelChoiceField(
        label="Campagne", queryset=CampagnePage.objects.none(),
        required=False, to_field_name="slug", empty_label="Kies een campagne",
    )  # fmt: skip
    taal = forms.ChoiceField(label="Taal", choices=settings.LANGUAGES, initial="nl")
    eenvoudig = forms.BooleanField(
        label="Eenvoudige stijl",
        required=False,
        help_text="Neutrale kleuren en zonder logo, zodat het past bij de stijl van je website.",
    )

    def __init__(self, data, user):
        super().__init__(data, initial={"wat": "organisatie", "taal": settings.LANGUAGE_CODE})
        # Here, not on the class: public() reads the view restrictions when it is called.
        self.fields["organisatie"].queryset = organisaties_voor(user)
        self.fields["campagne"].queryset = CampagnePage.objects.zichtbaar().order_by("-start")

    def clean(self):
        data = super().clean()
        wat = data.get("wat")
        if wat == "organisatie" and not data.get("organisatie"):
            self.add_error("organisatie", "Kies een organisatie.")
        if wat == "campagne" and not data.get("campagne"):
            self.add_error("campagne", "Kies een campagne.")
        return data

    def keuze(self):
        data = self.cleaned_data
        wat = data["wat"]
        return Keuze(
            organisatie=data.get("organisatie") if wat == "organisatie" else None,
            thema=data.get("thema") if wat == "aanbod" else None,
            wijk=data.get("wijk") if wat == "aanbod" else None,
            campagne=data.get("campagne") if wat == "campagne" else None,
            taal=data["taal"],
            eenvoudig=data.get("eenvoudig", False),
        )
