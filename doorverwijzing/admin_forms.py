from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from doorverwijzing.models import Gezondheidsgids


class GidsKeuze(forms.ModelChoiceField):
    def label_from_instance(self, gids):
        talen = ", ".join(t.label for t in gids.talen.all())
        wijken = ", ".join(w.label for w in gids.wijken.all()) or "heel Gent"
        past = " ✓ past" if getattr(gids, "past", False) else ""
        return f"{gids.naam}{past} · {talen} · {wijken}"


class AanvraagAdminForm(WagtailAdminModelForm):
    """The coordinator's form: the gids list puts those who speak a client language and work in
    the client's wijk (or city-wide) first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "gids" not in self.fields:
            return
        aanvraag = self.instance
        gidsen = list(Gezondheidsgids.objects.actief().prefetch_related("talen", "wijken"))
        if aanvraag.gids_id and aanvraag.gids not in gidsen:
            gidsen.append(aanvraag.gids)  # an inactive gids stays selectable where already set
        talen = set(aanvraag.talen.values_list("pk", flat=True)) if aanvraag.pk else set()
        for gids in gidsen:
            wijken = {w.pk for w in gids.wijken.all()}
            gids.past = bool(talen & {t.pk for t in gids.talen.all()}) and (
                not wijken or aanvraag.wijk_id in wijken
            )
        gidsen.sort(key=lambda g: (not g.past, g.naam))
        field = self.fields["gids"]
        self.fields["gids"] = GidsKeuze(
            queryset=field.queryset,
            required=False,
            label=field.label,
            help_text="Gidsen die een taal van de cliënt spreken en in de wijk werken staan "
            "bovenaan (✓ past).",
        )
        self.fields["gids"].choices = [("", "---------")] + [
            (g.pk, self.fields["gids"].label_from_instance(g)) for g in gidsen
        ]
