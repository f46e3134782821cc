from django import forms


class OpladenForm(forms.Form):
    """The upload: a file and, for whoever may import for several organisations, which one."""

    bestand = forms.FileField(
        label="Bestand (.csv of .xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    organisatie = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Organisatie",
        empty_label="Zoals in de kolom organisatie",
        help_text="Voor rijen zonder organisatie in het bestand.",
    )

    def __init__(self, *args, organisaties, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisatie"]
        field.queryset = organisaties
        if len(organisaties) == 1:
            field.initial = organisaties[0]
            field.empty_label = None
            field.widget = forms.HiddenInput()


class SjabloonForm(forms.Form):
    formaat = forms.ChoiceField(choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV")])
    organisatie = forms.ModelChoiceField(queryset=None, required=False)
    met_aanbod = forms.BooleanField(required=False)

    def __init__(self, *args, organisaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties
