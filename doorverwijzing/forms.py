from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aanbod.models import Taal, Wijk
from doorverwijzing.enums import Dringendheid, Taak
from doorverwijzing.models import Aanvraag

EMAIL_FOUT = _("Dit is geen geldig e-mailadres. Kijk het na, bijvoorbeeld naam@organisatie.be.")


EEN_REGEL = _("Schrijf dit op één regel, zonder Enter.")
# Every character str.splitlines() breaks on: none belongs in a name, a number or an address.
REGELEINDES = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def een_regel(value):
    if REGELEINDES.intersection(value):
        raise ValidationError(EEN_REGEL, code="regeleinde")


class LabelZonderDubbelpunt:
    """The public forms' base: no colon after labels, and every single-line text field refuses
    line breaks (they would end up in the mails). A textarea keeps its lines."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # An EmailField's own validator already refuses any line break, with its message.
            if (
                isinstance(field, forms.CharField)
                and not isinstance(field, forms.EmailField)
                and not isinstance(field.widget, forms.Textarea)
            ):
                field.validators.append(een_regel)


class HoneypotMixin(LabelZonderDubbelpunt, forms.Form):
    """A field people never see (hidden with the `hidden` attribute); bots fill it in."""

    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def is_spam(self):
        return bool(self.data.get("website"))


class MailSelectieForm(LabelZonderDubbelpunt, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("We bewaren dit adres niet. We sturen alleen deze selectie."),
        max_length=254,
        error_messages={"required": _("Vul een e-mailadres in."), "invalid": EMAIL_FOUT},
    )


class CorrectieForm(HoneypotMixin):
    bericht = forms.CharField(
        label=_("Wat klopt er niet?"),
        help_text=_("Bijvoorbeeld: het adres is veranderd, of het aanbod bestaat niet meer."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf kort wat er niet klopt."),
            "max_length": _("Schrijf het korter: maximaal %(limit_value)d tekens."),
        },
    )
    email = forms.EmailField(
        label=_("Je e-mailadres (niet verplicht)"),
        help_text=_("Dan krijg je een e-mail als we het nagekeken hebben."),
        required=False,
        error_messages={"invalid": EMAIL_FOUT},
    )


class AanvraagForm(HoneypotMixin, forms.ModelForm):
    """For the referring caregiver. Deliberately no field for the client's identity or health."""

    talen = forms.ModelMultipleChoiceField(
        label=_("Welke taal of talen spreekt de cliënt?"),
        queryset=Taal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één taal.")},
    )
    wijk = forms.ModelChoiceField(
        label=_("In welke wijk woont de cliënt?"),
        queryset=Wijk.objects.all(),
        required=False,
        empty_label=_("Weet ik niet / buiten Gent"),
    )
    taak = forms.ChoiceField(
        label=_("Welke ondersteuning zoek je?"),
        choices=Taak.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies welke ondersteuning je zoekt.")},
    )
    dringendheid = forms.ChoiceField(
        label=_("Hoe dringend is het?"),
        choices=Dringendheid.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe dringend het is.")},
    )
    geen_clientgegevens = forms.BooleanField(
        label=_(
            "Ik schreef geen naam, adres of gezondheidsgegevens van de cliënt in dit formulier."
        ),
        error_messages={"required": _("Vink aan dat je geen gegevens van de cliënt invulde.")},
    )

    class Meta:
        model = Aanvraag
        fields = [
            "organisatie", "naam", "email", "telefoon",
            "talen", "wijk", "taak", "dringendheid", "vraag",
        ]  # fmt: skip
        labels = {
            "organisatie": _("Je organisatie"),
            "naam": _("Je naam"),
            "email": _("Je e-mailadres"),
            "telefoon": _("Je telefoonnummer (niet verplicht)"),
            "vraag": _("Wat moet de gezondheidsgids weten?"),
        }
        help_texts = {
            "vraag": _(
                "Bijvoorbeeld: samen naar de eerste les gaan, of helpen om een afspraak te "
                "maken. Schrijf geen naam, adres of ziekte van de cliënt."
            ),
        }
        widgets = {"vraag": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "organisatie": {"required": _("Vul de naam van je organisatie in.")},
            "naam": {"required": _("Vul je naam in.")},
            "email": {"required": _("Vul je e-mailadres in."), "invalid": EMAIL_FOUT},
            "vraag": {
                "required": _("Schrijf kort wat de gezondheidsgids moet weten."),
                "max_length": _("Schrijf het korter: maximaal %(limit_value)d tekens."),
            },
        }
