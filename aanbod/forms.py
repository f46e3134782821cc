"""The offer's admin form: a new offer takes its URL name from its title, because the URL name
sits on the promote tab, where Wagtail's own title-to-slug script does not reach."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import cautious_slugify
from wagtail.models import Page

SLUG_MAX = 255


def vrije_slug(titel, parent, instance):
    """cautious_slugify(titel), with -2, -3, ... until no sibling under `parent` uses it."""
    basis = cautious_slugify(titel)[: SLUG_MAX - 4].strip("-") or "aanbod"
    slug, nummer = basis, 1
    while not Page._slug_is_available(slug, parent, instance):
        nummer += 1
        slug = f"{basis}-{nummer}"
    return slug


class AanbodPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Named in the error list at the top too: "Slug" means nothing to a partner.
            self.fields["slug"].label = "URL-naam"
            self.fields["slug"].help_text = (
                "Het laatste stuk van het webadres van dit aanbod, bijvoorbeeld "
                "wandelen-in-de-wijk. Alleen kleine letters, cijfers en streepjes."
            )
        if self.instance.pk is None and "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text += " Laat je het leeg, dan maken we het uit de titel."

    def clean(self):
        titel = self.cleaned_data.get("title")
        nieuw = self.instance.pk is None and self.parent_page is not None
        if nieuw and titel and "slug" in self.fields and not self.cleaned_data.get("slug"):
            self.cleaned_data["slug"] = vrije_slug(titel, self.parent_page, self.instance)
        return super().clean()
