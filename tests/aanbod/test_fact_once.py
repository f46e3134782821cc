"""One fact, one field: "zonder afspraak" lives in inschrijving, "aan huis" in vormen.

The data migration (aanbod 0006, kalender 0002) on rows and revisions, the search page that
shows each once, and the offer page that still lists them under their B.
"""

import datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest
from bs4 import BeautifulSoup

from aanbod.enums import Inschrijving, Vorm
from aanbod.migrations._een_feit_een_veld import verhuis
from aanbod.models import AanbodPage, Toegankelijkheid
from kalender.models import ActiviteitPage
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

ZA, AH = "zonder-afspraak", "aan-huis"
VOOR = [("aanbod", "0005_locatie_openbaar_vervoer"), ("kalender", "0001_initial")]


# -- the rule, without a database -----------------------------------------------------------------

MOVE = {1: ("inschrijving", ZA), 2: ("vormen", AH)}


def aanbod(inschrijving=(), vormen=(), verhuisd=()):
    return {"inschrijving": list(inschrijving), "vormen": list(vormen), "verhuisd": list(verhuisd)}


@pytest.mark.parametrize(
    ("inhoud", "offer", "verwacht"),
    [
        # an offer: appended once, order kept, other entries kept
        ({"toegankelijkheid": [7, 1, 2], "inschrijving": ["inschrijven"], "vormen": [AH]}, None,
         {"toegankelijkheid": [7], "inschrijving": ["inschrijven", ZA], "vormen": [AH]}),
        # an activity with its own empty list: the offer's list first, then the value
        ({"toegankelijkheid": [1], "inschrijving": [], "vormen": []},
         aanbod(["op-afspraak"], ["groepsaanbod"]),
         {"toegankelijkheid": [], "inschrijving": ["op-afspraak", ZA], "vormen": []}),
        # ... unless the offer's list has it (after the move): keep inheriting
        ({"toegankelijkheid": [1], "inschrijving": [], "vormen": []},
         aanbod([ZA, "inschrijven"], verhuisd=[("inschrijving", ZA)]),
         {"toegankelijkheid": [], "inschrijving": [], "vormen": []}),
        # no accessibility of its own: inherited the offer's entry; an own list gets the value
        ({"toegankelijkheid": [], "inschrijving": [], "vormen": ["online"]},
         aanbod(vormen=["individueel", AH], verhuisd=[("vormen", AH)]),
         {"toegankelijkheid": [], "inschrijving": [], "vormen": ["online", AH]}),
    ],
)  # fmt: skip
def test_the_move_keeps_order_duplicates_and_inheritance(inhoud, offer, verwacht):
    verhuis(inhoud, MOVE, offer)
    assert inhoud == verwacht


def test_nothing_to_move_changes_nothing():
    inhoud = {"toegankelijkheid": [7], "inschrijving": [], "vormen": []}
    assert not verhuis(inhoud, MOVE, aanbod([ZA]))
    assert not verhuis({"toegankelijkheid": [], "inschrijving": [], "vormen": []}, MOVE, None)


# -- the migration on a database ------------------------------------------------------------------


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def link(model, pk, entries):
    """Write the M2M rows (a ParentalManyToManyField keeps .set() in memory until save)."""
    field = model._meta.get_field("toegankelijkheid")
    through = field.remote_field.through
    through.objects.bulk_create(
        through(**{field.m2m_field_name() + "_id": pk, field.m2m_reverse_field_name(): e})
        for e in entries
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_moves_links_rows_and_revisions(site_tree):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Gamma", slug="wgc-gamma")
    huis = publish(AanbodPageFactory(parent=org, inschrijving=["inschrijven"], vormen=["online"]))
    huis.save_revision()  # a draft on top of the live version
    binnen = publish(AanbodPageFactory(parent=org, inschrijving=[ZA], vormen=["groepsaanbod"]))
    activiteiten = {}
    for naam, velden in {
        "eigen": {"aanbod": huis},  # own accessibility entry, own enrol list empty
        "erft": {"aanbod": huis, "vormen": ["individueel"]},  # inherits the offer's aan-huis
        "los": {},  # no offer
    }.items():
        page = ActiviteitPage(title=naam, in_het_kort="Kom langs.", **velden)
        org.add_child(instance=page)
        page.save_revision()
        activiteiten[naam] = page

    apps = _migrate(VOOR)
    T = apps.get_model("aanbod", "Toegankelijkheid")
    za, ah = T.objects.get(slug=ZA), T.objects.get(slug=AH)  # the reverse brought them back
    assert (za.groep, ah.groep, ah.label) == ("beschikbaar", "bereikbaar", "Aan huis")
    helder = T.objects.get(slug="heldere-taal")
    for model, pk, entries in [
        ("aanbod.AanbodPage", huis.pk, [ah, helder]),
        ("aanbod.AanbodPage", binnen.pk, [za]),
        ("kalender.ActiviteitPage", activiteiten["eigen"].pk, [za]),
        ("kalender.ActiviteitPage", activiteiten["los"].pk, [za]),
    ]:
        link(apps.get_model(model), pk, entries)
    Revision = apps.get_model("wagtailcore", "Revision")
    revisies = {}
    for naam, page, inhoud in [
        ("live", huis, {"toegankelijkheid": [ah.pk, helder.pk]}),
        ("draft", huis, {"toegankelijkheid": [za.pk], "inschrijving": ["op-afspraak"]}),
        ("binnen", binnen, {"toegankelijkheid": [za.pk]}),
        ("eigen", activiteiten["eigen"], {"toegankelijkheid": [za.pk]}),
    ]:
        ids = Revision.objects.filter(object_id=str(page.pk)).order_by("pk")
        revisie = ids.first() if naam == "live" else ids.last()
        revisie.content = {**revisie.content, **inhoud}
        revisie.save()
        revisies[naam] = revisie.pk

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert not Toegankelijkheid.objects.filter(slug__in=[ZA, AH]).exists()
    huis, binnen = AanbodPage.objects.get(pk=huis.pk), AanbodPage.objects.get(pk=binnen.pk)
    assert huis.vormen == ["online", AH]
    assert [t.slug for t in huis.toegankelijkheid.all()] == ["heldere-taal"]
    assert binnen.inschrijving == [ZA]  # no duplicate
    assert not binnen.toegankelijkheid.exists()
    eigen, erft, los = (ActiviteitPage.objects.get(pk=activiteiten[n].pk) for n in activiteiten)
    assert eigen.inschrijving == ["inschrijven", ZA]  # the offer's list first, then its own
    assert eigen.vormen == []  # still inherits the offer's, which has aan-huis now
    assert erft.vormen == ["individueel", AH]
    assert los.inschrijving == [ZA]
    assert not ActiviteitPage.objects.filter(toegankelijkheid__slug__in=[ZA, AH]).exists()

    from wagtail.models import Revision as LiveRevision

    def revisie(naam):
        return LiveRevision.objects.get(pk=revisies[naam])

    assert revisie("live").content["toegankelijkheid"] == [helder.pk]
    assert revisie("live").content["vormen"] == ["online", AH]
    draft = revisie("draft")
    assert (draft.content["toegankelijkheid"], draft.content["inschrijving"]) == (
        [], ["op-afspraak", ZA]
    )  # fmt: skip
    assert revisie("binnen").content["inschrijving"] == [ZA]
    assert revisie("eigen").content["inschrijving"] == ["inschrijven", ZA]
    # Opening an old revision (view, compare, revert) gives the moved value, no dangling pk.
    oud = revisie("live").as_object()
    assert [t.slug for t in oud.toegankelijkheid.all()] == ["heldere-taal"]
    assert oud.vormen == ["online", AH]
    # The search index learns about the changed offers through its queue.
    from preventiezoeker.search.models import IndexTaak

    assert {huis.pk, binnen.pk} <= set(IndexTaak.objects.values_list("object_id", flat=True))


# -- shown once ------------------------------------------------------------------------------


@pytest.fixture
def aanbod_met_feiten(site_tree, index_dir):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Delta", slug="wgc-delta")
    pages = [
        publish(AanbodPageFactory(parent=org, inschrijving=[ZA])),
        publish(AanbodPageFactory(parent=org, inschrijving=["inschrijven", ZA], vormen=[AH])),
        publish(AanbodPageFactory(parent=org, inschrijving=["op-afspraak"], vormen=[AH])),
        AanbodPageFactory(parent=org, inschrijving=[ZA], live=False),  # draft: not visible
        publish(
            AanbodPageFactory(
                parent=org, inschrijving=[ZA], einddatum=datetime.date(2000, 1, 1)
            )  # expired
        ),
    ]
    rebuild()
    return pages


def test_search_page_shows_each_fact_once_with_the_merged_count(client, aanbod_met_feiten):
    soup = BeautifulSoup(client.get("/aanbod/").content, "html.parser")
    form = soup.select_one("#filterformulier")
    labels = [" ".join(label.get_text().split()) for label in form.select("label")]
    assert [lab for lab in labels if lab.startswith("Zonder afspraak")] == ["Zonder afspraak (2)"]
    assert [lab for lab in labels if lab.startswith("Aan huis")] == ["Aan huis (2)"]
    assert form.select_one('input[name="inschrijving"][value="zonder-afspraak"]')
    assert form.select_one('input[name="vorm"][value="aan-huis"]')
    assert not form.select('input[name="toegankelijkheid"][value="zonder-afspraak"]')
    assert not form.select('input[name="toegankelijkheid"][value="aan-huis"]')
    zichtbaar = AanbodPage.objects.zichtbaar()
    assert sum(ZA in p.inschrijving for p in zichtbaar) == 2
    assert sum(AH in p.vormen for p in zichtbaar) == 2


def test_offer_page_lists_them_under_their_b_once(client, partner_a):
    page = partner_a.offer
    page.inschrijving = [Inschrijving.INSCHRIJVEN, Inschrijving.ZONDER_AFSPRAAK]
    page.vormen = [Vorm.GROEPSAANBOD, Vorm.AAN_HUIS]
    page.toegankelijkheid.set(
        Toegankelijkheid.objects.filter(slug__in=["in-het-weekend", "rolstoeltoegankelijk"])
    )
    publish(page)
    html = client.get(page.url).content.decode()
    assert "<dt>Beschikbaar</dt><dd>In het weekend, Zonder afspraak</dd>" in html
    assert "<dt>Bereikbaar</dt><dd>Aan huis, Rolstoeltoegankelijk</dd>" in html
    blok = BeautifulSoup(html, "html.parser").select_one('[aria-labelledby="toegankelijkheid"]')
    assert blok.get_text().count("Zonder afspraak") == 1
    assert blok.get_text().count("Aan huis") == 1


def test_offer_page_shows_the_block_for_the_enrol_way_alone(client, partner_a):
    page = partner_a.offer  # the factory's offer: zonder afspraak, no accessibility entries
    html = client.get(page.url).content.decode()
    assert "<dt>Beschikbaar</dt><dd>Zonder afspraak</dd>" in html


def test_an_old_link_to_the_moved_accessibility_values_filters_on_the_new_place(
    client, aanbod_met_feiten
):
    """A shared link from before the move keeps finding the same offers, without a notice."""
    html = client.get("/aanbod/?toegankelijkheid=zonder-afspraak&toegankelijkheid=aan-huis").content
    soup = BeautifulSoup(html, "html.parser")
    assert "Onbekende keuze" not in soup.get_text()
    assert soup.select_one('input[name="inschrijving"][value="zonder-afspraak"][checked]')
    assert soup.select_one('input[name="vorm"][value="aan-huis"][checked]')
    titles = {p.title for p in aanbod_met_feiten[:2]}  # zonder afspraak AND aan huis: only #2
    found = {a.get_text(strip=True) for a in soup.select(".zoekresultaat h3 a, .resultaat h3 a")}
    assert found & titles == {aanbod_met_feiten[1].title}
