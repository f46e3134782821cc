"""The page tree rules (which page may live under which), with Wagtail's own test helpers; and
the calendar page can be made in the admin, once."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from aanbod.models import AanbodIndexPage, AanbodPage, OrganisatiePage
from home.inrichting import richt_site_in
from home.models import HomePage
from kalender.models import ActiviteitPage, CampagnePage, KalenderIndexPage
from tests.aanbod.factories import OrganisatiePageFactory
from tests.kalender.factories import ActiviteitPageFactory, CampagnePageFactory


class PaginaboomTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _index, _coordinators = richt_site_in()
        cls.admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")

    def test_allowed_parents_and_children(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {AanbodIndexPage, KalenderIndexPage})
        self.assertAllowedParentPageTypes(AanbodIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AanbodIndexPage, {OrganisatiePage})
        self.assertAllowedParentPageTypes(OrganisatiePage, {AanbodIndexPage})
        self.assertAllowedSubpageTypes(OrganisatiePage, {AanbodPage, ActiviteitPage})
        self.assertAllowedParentPageTypes(AanbodPage, {OrganisatiePage})
        self.assertAllowedSubpageTypes(AanbodPage, set())
        self.assertAllowedParentPageTypes(KalenderIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(KalenderIndexPage, {CampagnePage})
        self.assertAllowedParentPageTypes(CampagnePage, {KalenderIndexPage})
        self.assertAllowedSubpageTypes(CampagnePage, set())
        self.assertAllowedParentPageTypes(ActiviteitPage, {OrganisatiePage})
        self.assertAllowedSubpageTypes(ActiviteitPage, set())
        self.assertCanCreateAt(HomePage, KalenderIndexPage)
        self.assertCanNotCreateAt(HomePage, CampagnePage)
        self.assertCanNotCreateAt(KalenderIndexPage, ActiviteitPage)

    def test_calendar_page_is_made_in_the_admin_once(self):
        self.client.force_login(self.admin)
        KalenderIndexPage.objects.get().delete()  # the set-up made one
        data = nested_form_data(
            {"title": "Kalender", "slug": "kalender", "intro": "", "comments": inline_formset([])}
        )
        self.assertCanCreate(self.home, KalenderIndexPage, data)
        kalender = KalenderIndexPage.objects.get()
        self.assertTrue(kalender.live)
        self.assertEqual(kalender.get_parent().specific, self.home)
        # max_count = 1: a second one is refused, in the add view too.
        self.assertFalse(KalenderIndexPage.can_create_at(self.home))
        add = reverse(
            "wagtailadmin_pages:add", args=["kalender", "kalenderindexpage", self.home.pk]
        )
        # Wagtail answers "permission denied" in the admin with a redirect to the dashboard.
        self.assertRedirects(self.client.get(add), reverse("wagtailadmin_home"))
        refused = self.client.post(add, {**data, "slug": "kalender-2", "action-publish": "1"})
        self.assertRedirects(refused, reverse("wagtailadmin_home"))
        self.assertEqual(KalenderIndexPage.objects.count(), 1)

    def test_calendar_pages_render(self):
        organisatie = OrganisatiePageFactory(parent=AanbodIndexPage.objects.get())
        campagne = CampagnePageFactory(gepubliceerd=True)
        eerste = datetime.date(2026, 3, 17)
        activiteit = ActiviteitPageFactory(
            parent=organisatie, campagne=campagne, gepubliceerd=True,
            data=[(eerste, datetime.time(10), datetime.time(11))],
        )  # fmt: skip
        herhaalt = ActiviteitPageFactory(parent=organisatie, herhaalt=True, gepubliceerd=True)
        self.assertPageIsRenderable(KalenderIndexPage.objects.get())
        self.assertPageIsRenderable(
            KalenderIndexPage.objects.get(), query_data={"weergave": "maand"}
        )
        self.assertPageIsRenderable(campagne)
        self.assertPageIsRenderable(activiteit)
        self.assertPageIsRenderable(herhaalt)
        self.assertEqual(herhaalt.momenten.count(), 8)
