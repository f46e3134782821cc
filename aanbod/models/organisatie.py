from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from aanbod.enums import OrganisatieSoort
from aanbod.jsonld import organisatie_jsonld
from aanbod.validators import validate_telefoon

from .adres import MetAdres

# Paths the offer feeds take under /aanbod/ (preventiezoeker/urls.py).
GERESERVEERDE_SLUGS = {"atom", "rss"}


class OrganisatieForm(WagtailAdminPageForm):
    """The chooser only offers a partner its own images; a crafted POST must not do more."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "logo" in self.fields:
            from wagtail.images import get_image_model
            from wagtail.permissions import policy_registry

            policy = policy_registry.get_by_type(get_image_model())
            allowed = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
            current = self.instance.logo_id
            field = self.fields["logo"]
            field.queryset = field.queryset.filter(Q(pk__in=allowed.values("pk")) | Q(pk=current))


class OrganisatiePage(MetAdres, Page):
    """A provider. Its page is the root of everything a partner may edit: its offers live below it,
    and the partner group's page permissions are granted on this page."""

    soort = models.CharField(max_length=40, choices=OrganisatieSoort.choices)
    korte_beschrijving = models.TextField(
        max_length=500, blank=True, help_text="Wie zijn jullie en wat doen jullie? Max. 500 tekens."
    )
    telefoon = models.CharField(max_length=30, blank=True, validators=[validate_telefoon])
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField(blank=True)
    straat_nummer = models.CharField("straat en nummer", max_length=120, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    gemeente = models.CharField(max_length=60, blank=True, default="Gent")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        FieldPanel("title", heading="Naam van de organisatie"),
        FieldPanel("soort"),
        FieldPanel("korte_beschrijving"),
        MultiFieldPanel(
            [FieldPanel("telefoon"), FieldPanel("email"), FieldPanel("website")], heading="Contact"
        ),
        MultiFieldPanel(
            [FieldPanel("straat_nummer"), FieldPanel("postcode"), FieldPanel("gemeente")],
            heading="Adres",
        ),
        FieldPanel("logo"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("korte_beschrijving")]
    base_form_class = OrganisatieForm

    parent_page_types = ["aanbod.AanbodIndexPage"]
    # Activities (kalender) sit next to the offers, under the same partner permissions.
    subpage_types = ["aanbod.AanbodPage", "kalender.ActiviteitPage"]

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def clean(self):
        super().clean()
        if self.slug in GERESERVEERDE_SLUGS:
            raise ValidationError({"slug": "Dit adres is voorbehouden; kies een ander."})

    def get_context(self, request, *args, **kwargs):
        from aanbod.models.aanbod import AanbodPage
        from aanbod.models.vertaling import met_teksten

        context = super().get_context(request, *args, **kwargs)
        # Each card's title and summary in the page's language where translated.
        context["aanbod"] = met_teksten(
            AanbodPage.objects.child_of(self)
            .zichtbaar()
            .prefetch_related("themas")
            .order_by("title")
        )
        context["jsonld"] = organisatie_jsonld(self, request, context["aanbod"])
        return context
