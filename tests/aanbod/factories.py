"""factory_boy factories for the page tree; pages are created under their parent like editors do."""

from django.contrib.auth import get_user_model

import factory
import wagtail_factories

from aanbod.enums import Inschrijving, OrganisatieSoort, PrijsCategorie, Vorm
from aanbod.models import AanbodPage, OrganisatiePage, Taal, Thema


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "wachtwoord")


class OrganisatiePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisatiePage

    title = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = OrganisatieSoort.WIJKGEZONDHEIDSCENTRUM
    telefoon = "09 012 34 56"
    email = factory.LazyAttribute(lambda o: f"info-{o.title.split()[-1]}@example.org")


class AanbodPageFactory(wagtail_factories.PageFactory):
    """A complete offer; pass themas=[...] / talen=[...] to override the defaults."""

    class Meta:
        model = AanbodPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Aanbod {n}")
    in_het_kort = "Samen bewegen in je buurt. Gratis en zonder inschrijving."
    vormen = factory.LazyFunction(lambda: [Vorm.GROEPSAANBOD])
    prijs = factory.LazyFunction(lambda: [PrijsCategorie.GRATIS])
    inschrijving = factory.LazyFunction(lambda: [Inschrijving.ZONDER_AFSPRAAK])
    planning = "Elke dinsdag van 14 tot 16 uur"

    @factory.post_generation
    def themas(obj, create, extracted, **kwargs):
        obj.themas.set(extracted or [Thema.objects.get(slug="beweging")])
        if create:
            obj.save()

    @factory.post_generation
    def talen(obj, create, extracted, **kwargs):
        obj.talen.set(extracted or [Taal.objects.get(slug="nl")])
        if create:
            obj.save()


def publish(page):
    """Publish the page's current state through a revision, as the coordinator would."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
