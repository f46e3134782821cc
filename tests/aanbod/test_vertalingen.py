"""An offer's own words in the client's language (issue 13, item 2): a partner translates the
title, In het kort, the price note, how to enrol and the schedule; the translation is part of
the page revision and its approval; the offer page shows it with the right lang and dir and
says plainly what stayed Dutch; a French word finds the offer, on both engines, once live."""

import re

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.models import AanbodPage, AanbodVertaling
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import publish
from tests.aanbod.test_workflow import client_for, edit_form_data, text

PG = "preventiezoeker.search.pg_backend.PostgresBackend"
WHOOSH = "preventiezoeker.search.whoosh_backend.WhooshBackend"
BACKENDS = [WHOOSH, PG] if connection.vendor == "postgresql" else [WHOOSH]

FRANS = {
    "taal": "fr",
    "titel": "Coach sportif dans votre quartier",
    "in_het_kort": "Bouger ensemble près de chez vous. Gratuit.",
    "prijs_toelichting": "Avec l'UiTPAS, vous payez 1 euro.",
    "inschrijving_tekst": "Venez simplement le mardi.",
    "planning": "Chaque mardi de 14 à 16 heures",
}
ARABISCH = {
    "taal": "ar",
    "titel": "مدرب رياضي في حيّك",
    "in_het_kort": "نتحرك معًا قرب بيتك. مجانًا.",
}


@pytest.fixture
def backend(request, settings, index_dir):
    settings.SEARCH_BACKEND = getattr(request, "param", WHOOSH)
    reset_backend()
    yield settings.SEARCH_BACKEND
    reset_backend()


def vertaal(page, *rijen):
    """Give `page` these translations and publish it, as an approved revision would."""
    page.vertalingen = [AanbodVertaling(**rij) for rij in rijen]
    return publish(page)


def met_vertalingen(data, *rijen):
    """The edit form's data with these rows in the Vertalingen panel (new rows)."""
    data = data.copy()
    start = int(data.get("vertalingen-TOTAL_FORMS", 0))
    for i, rij in enumerate(rijen, start=start):
        for veld, waarde in {"taal": "", **rij}.items():
            data[f"vertalingen-{i}-{veld}"] = waarde
        data[f"vertalingen-{i}-ORDER"] = str(i + 1)
        data[f"vertalingen-{i}-DELETE"] = ""
        data[f"vertalingen-{i}-id"] = ""
    data["vertalingen-TOTAL_FORMS"] = str(start + len(rijen))
    return data


def pagina(client, page, taal):
    prefix = "" if taal == "nl" else f"/{taal}"
    with translation.override("nl"):  # a request leaves its language active in the thread
        url = page.url
    response = client.get(prefix + url)
    assert response.status_code == 200
    return text(response)


def element(html, tag, cls=None):
    """The opening tag and text of the first <tag> (with class `cls`)."""
    klasse = rf'[^>]*class="[^"]*\b{cls}\b[^"]*"' if cls else ""
    match = re.search(rf"<{tag}{klasse}[^>]*>(.*?)</{tag}>", html, re.S)
    assert match, f"no <{tag}> {cls or ''}"
    return match.group(0)


def zoek_ids(params):
    return [r.kaart.pk for r in zoek(QueryDict(params), log=False).results]


# -- the accessor -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_text_in_the_language_asked_for_or_in_dutch(partner_a):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Coach sportif"})
    offer.prijs_toelichting = "Met UiTPAS betaal je 1 euro."
    frans = offer.in_taal("fr")
    assert (str(frans.titel), frans.titel.taal, frans.titel.dir) == ("Coach sportif", "fr", "ltr")
    assert (str(frans.planning), frans.planning.taal) == (offer.planning, "nl")
    assert frans.alleen_nl == ["in_het_kort", "prijs_toelichting", "planning"]
    assert frans.nl_melding == "deels"
    # A language without a translation: all Dutch, said once as "alles".
    assert offer.in_taal("tr").titel.taal == "nl"
    assert offer.in_taal("tr").nl_melding == "alles"
    assert offer.in_taal("nl").nl_melding == ""


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["xx", "", None, "../etc", "fr-BE", "FR"])
def test_unknown_or_regional_codes(partner_a, code):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Coach sportif"})
    tekst = offer.in_taal(code)
    if code in ("fr-BE", "FR"):
        assert str(tekst.titel) == "Coach sportif"
    else:  # Dutch, never an error
        assert (tekst.taal, str(tekst.titel)) == ("nl", offer.title)


# -- the offer page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_french_page_uses_the_translation_and_marks_what_stayed_dutch(client, partner_a):
    offer = vertaal(partner_a.offer, FRANS)
    html = pagina(client, offer, "fr")
    h1 = element(html, "h1")
    assert 'lang="fr"' in h1 and FRANS["titel"] in h1
    assert f"<title>{FRANS['titel']}" in html.replace("&#x27;", "'")
    lead = element(html, "p", "lead")
    assert 'lang="fr"' in lead and FRANS["in_het_kort"] in lead
    for veld in ("prijs_toelichting", "inschrijving_tekst", "planning"):
        assert f'lang="fr" dir="ltr">{FRANS[veld]}'.replace("'", "&#x27;") in html, veld
    # The description is never translated: it keeps lang="nl", and the page says so once.
    offer.beschrijving = "<p>Wij wandelen samen.</p>"
    publish(offer)
    html = pagina(client, offer, "fr")
    assert 'class="richtext" lang="nl" dir="ltr"' in html
    assert html.count('class="notice alleen-nl"') == 1


@pytest.mark.django_db
def test_dutch_page_is_unchanged_by_translations(client, partner_a):
    offer = vertaal(partner_a.offer, FRANS)
    html = pagina(client, offer, "nl")
    assert FRANS["titel"] not in html and FRANS["inschrijving_tekst"] not in html
    assert offer.title in element(html, "h1")
    assert "alleen-nl" not in html


@pytest.mark.django_db
def test_arabic_page_is_right_to_left_where_translated(client, partner_a):
    partner_a.offer.inschrijving_telefoon = "09 012 34 56"
    offer = vertaal(partner_a.offer, ARABISCH)
    html = pagina(client, offer, "ar")
    assert 'lang="ar" dir="rtl"' in element(html, "h1")
    assert ARABISCH["titel"] in element(html, "h1")
    assert 'lang="ar" dir="rtl"' in element(html, "p", "lead")
    # The schedule was not translated: Dutch, left to right, inside the Arabic page.
    assert f'lang="nl" dir="ltr">{offer.planning}' in html
    assert html.count('class="notice alleen-nl"') == 1
    # Phone numbers stay readable left to right inside the right-to-left page.
    assert 'dir="ltr">09 012 34 56</a>' in html


@pytest.mark.django_db
def test_untranslated_offer_says_plainly_it_is_only_in_dutch(client, partner_a):
    html = pagina(client, partner_a.offer, "fr")
    notice = element(html, "p", "alleen-nl")
    assert 'lang="nl"' not in notice  # said in the page's language
    assert f'lang="nl" dir="ltr">{partner_a.offer.title}' in html


@pytest.mark.django_db
def test_markup_in_a_translation_is_escaped(client, partner_a):
    offer = vertaal(
        partner_a.offer,
        {"taal": "fr", "titel": "<script>alert(1)</script>", "planning": '"><img src=x>'},
    )
    html = pagina(client, offer, "fr")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in element(html, "h1")


# -- the admin: one translation per language, in the revision and its approval -----------------


@pytest.mark.django_db
def test_two_translations_in_one_language_are_refused_in_plain_dutch(partner_a):
    client = client_for(partner_a.user)
    data = met_vertalingen(
        edit_form_data(client, partner_a.offer),
        {"taal": "fr", "titel": "Coach sportif"},
        {"taal": "fr", "titel": "Coach de sport"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk]), data)
    assert response.status_code == 200  # the form again, with the message
    assert "Er is al een vertaling in het Frans." in text(response)
    assert not AanbodPage.objects.get(pk=partner_a.offer.pk).vertalingen.exists()


@pytest.mark.django_db
def test_duplicate_language_built_in_code_fails_validation(partner_a):
    page = partner_a.offer
    page.vertalingen = [AanbodVertaling(taal="ar"), AanbodVertaling(taal="ar", titel="x")]
    with pytest.raises(Exception, match="Er is al een vertaling in het Arabisch"):
        page.full_clean()


@pytest.mark.django_db
def test_the_admin_form_has_the_translation_panel(partner_a):
    html = text(
        client_for(partner_a.user).get(
            reverse("wagtailadmin_pages:edit", args=[partner_a.offer.pk])
        )
    )
    assert "Vertalingen" in html and 'name="vertalingen-TOTAL_FORMS"' in html
    assert "toont de site in het Nederlands" in html  # the panel's plain help text


@pytest.mark.django_db
def test_a_partners_translation_is_a_draft_until_approved(partner_a, coordinator, backend):
    client = client_for(partner_a.user)
    offer = partner_a.offer
    data = met_vertalingen(edit_form_data(client, offer), FRANS)
    data["action-submit"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[offer.pk]), data)
    assert response.status_code == 302
    offer = AanbodPage.objects.get(pk=offer.pk)
    assert offer.workflow_in_progress
    # The submitted revision carries the translation; the live page does not.
    submitted = offer.current_workflow_state.current_task_state.revision
    assert [v.titel for v in submitted.as_object().vertalingen.all()] == [FRANS["titel"]]
    # The coordinator sees the translation when comparing the submission with what is live.
    compare = client_for(coordinator).get(
        reverse("wagtailadmin_pages:revisions_compare", args=[offer.pk, "live", str(submitted.pk)])
    )
    assert compare.status_code == 200 and FRANS["titel"] in text(compare)
    anon = Client()
    assert FRANS["titel"] not in pagina(anon, offer, "fr")
    rebuild()
    assert offer.pk not in zoek_ids("q=quartier")  # a draft's words are not searchable

    task_state = offer.current_workflow_task_state
    response = client_for(coordinator).post(
        reverse("wagtailadmin_pages:workflow_action", args=[offer.pk, "approve", task_state.pk]),
        {"comment": "Merci"},
    )
    assert response.status_code == 302
    assert FRANS["titel"] in pagina(anon, offer, "fr")
    rebuild()
    assert zoek_ids("q=quartier") == [offer.pk]


# -- search: a French word finds the offer, on both engines ------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
@pytest.mark.parametrize("woord", ["quartier", "mardi", "payez", "simplement"])
def test_a_word_of_the_translation_finds_the_offer(partner_a, partner_b, backend, woord):
    offer = vertaal(partner_a.offer, FRANS)
    rebuild()
    assert zoek_ids(f"q={woord}") == [offer.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_hidden_offers_translations_are_not_found(partner_a, backend):
    """Drafts, unpublished and restricted offers: their translations stay off the index."""
    offer = vertaal(partner_a.offer, FRANS)
    offer.unpublish()
    rebuild()
    assert zoek_ids("q=quartier") == []
    # A draft revision of a live offer (not submitted, not published).
    live = vertaal(AanbodPage.objects.get(pk=offer.pk), {"taal": "tr", "titel": "Spor"})
    draft = AanbodPage.objects.get(pk=live.pk)
    draft.vertalingen = [AanbodVertaling(**FRANS)]
    draft.save_revision()
    rebuild()
    assert zoek_ids("q=quartier") == []
    assert zoek_ids("q=spor") == [live.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_vocabulary_labels_in_french_find_the_offer(partner_a, backend):
    rebuild()
    # The factory's theme is beweging: its French label (seeded) is "Bouger".
    assert zoek_ids("q=bouger") == [partner_a.offer.pk]


# -- the facets, cards and offer page show vocabulary labels in the page's language -----------


@pytest.mark.django_db
def test_facets_and_cards_in_french(partner_a, backend):
    rebuild()
    with translation.override("fr"):
        resultaat = zoek(QueryDict("thema=beweging&taal=nl"), log=False)
    thema = next(f for f in resultaat.facets if f.name == "thema")
    labels = {v.value: v.label for v in thema.values}
    assert labels["beweging"] == "Bouger" and labels["mondzorg"] == "Soins dentaires"
    assert [c[1].label for c in resultaat.chips] == ["Bouger", "Néerlandais"]
    kaart = resultaat.results[0]
    assert [e.label for e in kaart.labels["themas"]] == ["Bouger"]
    assert [e.label for e in kaart.labels["talen"]] == ["Néerlandais"]
    # The slugs never change; in French the themes are in French alphabetical order.
    nl = next(f for f in zoek(QueryDict(""), log=False).facets if f.name == "thema")
    assert sorted(labels) == sorted(v.value for v in nl.values)
    assert list(labels.values())[:2] == ["Aidants proches", "Alcool et drogues"]


@pytest.mark.django_db
def test_french_search_page_shows_french_labels(client, partner_a, backend):
    rebuild()
    html = text(client.get("/fr/aanbod/?thema=beweging"))
    assert "Bouger" in html and "Soins dentaires" in html
    assert 'value="beweging"' in html  # the slug, unchanged


@pytest.mark.django_db
def test_offer_page_vocabulary_in_arabic(client, partner_a):
    html = pagina(client, partner_a.offer, "ar")
    assert "الحركة والرياضة" in html  # beweging
    assert "الهولندية" in html  # the language, named in Arabic


@pytest.mark.django_db
def test_an_edited_label_translation_shows_and_empty_falls_back(partner_a):
    from aanbod.models import Thema

    thema = Thema.objects.get(slug="beweging")
    thema.label_fr = "Activité physique"
    thema.label_tr = ""
    thema.save()
    assert thema.label_in("fr") == "Activité physique"
    assert thema.label_in("tr") == "Beweging"
    assert thema.label_in("xx") == "Beweging"
    with translation.override("fr"):
        assert thema.weergave == "Activité physique"
        assert thema.uitleg_weergave.startswith("Bouger plus")


# -- demo data ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_offers_come_with_four_translations(client, site_tree):
    from aanbod.demo import laad_demo, load_demo_data

    data = load_demo_data()
    met = [(o, a) for o in data["organisaties"] for a in o["aanbod"] if a.get("vertalingen")]
    assert len(met) >= 3
    for _org, offer in met:
        assert {v["taal"] for v in offer["vertalingen"]} == {"fr", "en", "ar", "tr"}
    org, offer = met[0]
    subset = {"organisaties": [{**org, "aanbod": [offer]}]}
    laad_demo(subset)
    laad_demo(subset)  # idempotent: still one translation per language
    page = AanbodPage.objects.get(title=offer["titel"])
    assert sorted(page.vertalingen.values_list("taal", flat=True)) == ["ar", "en", "fr", "tr"]
    arabisch = next(v for v in offer["vertalingen"] if v["taal"] == "ar")
    html = pagina(client, page, "ar")
    assert arabisch["titel"] in element(html, "h1")


@pytest.mark.django_db
def test_result_cards_show_the_translation_with_its_language(client, partner_a, partner_b):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Coach sportif <b>gratuit</b>"})
    rebuild()
    html = text(client.get("/fr/aanbod/?q=coach"))
    kaart = element(html, "article", "resultaat")
    assert 'lang="fr" dir="ltr"><a' in kaart  # the title, in French
    assert "Coach sportif &lt;b&gt;gratuit&lt;/b&gt;" in kaart.replace("<mark>", "").replace(
        "</mark>", ""
    )
    # The summary was not translated: Dutch, marked so.
    assert f'class="resultaat-kort" lang="nl" dir="ltr">{offer.in_het_kort}' in html
    # On the Dutch site the card is as it always was.
    html = text(client.get("/aanbod/?q=beweegcoach"))
    assert 'class="card-title"><a' in html and "Coach sportif" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_fixed_labels_in_every_language_find_the_offer(partner_a, backend):
    """The price and form labels are indexed in each language, whoever triggers the indexing."""
    with translation.override("ar"):
        rebuild()
    assert zoek_ids("q=gratis") == [partner_a.offer.pk]  # Dutch, as before
    frans = dict(zip(_prijs_labels("nl"), _prijs_labels("fr"), strict=True))["Gratis"]
    assert zoek_ids(f"q={frans}") == [partner_a.offer.pk]  # "Gratuit"


def _prijs_labels(code):
    from aanbod.enums import PrijsCategorie

    with translation.override(code):
        return [str(label) for _value, label in PrijsCategorie.choices]


@pytest.mark.django_db
def test_coordinator_edits_a_labels_translation_in_the_snippet_form(coordinator, partner_a):
    from aanbod.models import Thema

    thema = Thema.objects.get(slug="beweging")
    client = client_for(coordinator)
    url = reverse(Thema.snippet_viewset.get_url_name("edit"), args=[thema.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = text(response)
    # Under the Dutch name: a field per language, prefilled with the seeded translation.
    assert html.index('name="label"') < html.index('name="label_fr"') < html.index('name="slug"')
    assert 'value="Bouger"' in html and "Naam in andere talen" in html
    data = querydict_from_html(html, form_id="w-editor-form")
    data["label_fr"] = "Activité physique"
    response = client.post(url, data)
    assert response.status_code == 302
    with translation.override("fr"):
        assert Thema.objects.get(pk=thema.pk).weergave == "Activité physique"
        facet = next(f for f in zoek(QueryDict(""), log=False).facets if f.name == "thema")
    assert {v.value: v.label for v in facet.values}["beweging"] == "Activité physique"


@pytest.mark.django_db
def test_cards_on_the_organisation_and_home_page_in_french(client, partner_a):
    offer = vertaal(partner_a.offer, {"taal": "fr", "titel": "Coach sportif"})
    for page in (partner_a.organisatie, partner_a.organisatie.get_parent().get_parent()):
        html = pagina(client, page, "fr")
        kaart = element(html, "article", "card")
        assert '<h3 class="card-title" lang="fr" dir="ltr">' in kaart and "Coach sportif" in kaart
        assert f'<p lang="nl" dir="ltr">{offer.in_het_kort}</p>' in kaart  # not translated
        html = pagina(client, page, "nl")
        assert "Coach sportif" not in html and offer.title in element(html, "article", "card")
