"""The search page /aanbod/ as HTML (Django test client, no browser): facets with counts, chips,
pagination, the zero-results help, notices and escaping."""

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from aanbod.enums import PrijsCategorie
from aanbod.models import Taal, Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.search.breken import break_index

URL = "/aanbod/"


def offer(org, title, themas, wijken=(), talen=("nl",), **fields):
    page = AanbodPageFactory(
        parent=org,
        title=title,
        themas=[Thema.objects.get(slug=s) for s in themas],
        talen=[Taal.objects.get(slug=s) for s in talen],
        **fields,
    )
    page.wijken.set(Wijk.objects.filter(slug__in=wijken))
    page.save()
    return publish(page)


@pytest.fixture
def aanbod(site_tree, index_dir):
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beta = OrganisatiePageFactory(parent=site_tree.index, title="Ziekenfonds Beta", slug="zf-beta")
    pages = SimpleNamespace(
        alfa=alfa,
        beta=beta,
        wandelen=offer(
            alfa, "Samen wandelen in Rabot", ["beweging"], ["rabot-blaisantvest"], ("nl", "ar")
        ),
        fietsen=offer(
            alfa, "Fietsles voor vrouwen", ["beweging"], ["rabot-blaisantvest"], ("nl", "ar", "tr")
        ),
        ledeberg=offer(alfa, "Wandelen in Ledeberg", ["beweging"], ["ledeberg"]),
        koken=offer(
            beta,
            "Gezond koken",
            ["gezonde-voeding"],
            ["dampoort"],
            ("nl", "fr"),
            prijs=[PrijsCategorie.KANSENTARIEF],
        ),
        rook=offer(
            beta, "Rookstop-coaching", ["rookstop-en-tabak"], talen=("nl", "fr"), stadsbreed=True
        ),
        tanden=offer(beta, "Tandarts voor kinderen", ["mondzorg"], ["rabot-blaisantvest"]),
    )
    rebuild()
    return pages


@pytest.fixture
def veel_aanbod(aanbod):
    """23 more offers about beweging in Ledeberg: two pages of results."""
    for n in range(23):
        offer(aanbod.alfa, f"Beweegles {n:02d}", ["beweging"], ["ledeberg"])
    rebuild()
    return aanbod


def get(client, params=""):
    """GET the page; params is a query string or a dict."""
    if isinstance(params, dict):
        response = client.get(URL, params)
    else:
        response = client.get(URL + ("?" + params if params else ""))
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def query(href):
    """A link's query as {key: [values]}; hrefs are relative ("?a=1"), from {% querystring %}."""
    return parse_qs(urlsplit(href).query)


def checkbox(soup, name, value):
    return soup.select_one(f'#filterformulier input[name="{name}"][value="{value}"]')


def value_text(soup, name, value):
    return " ".join(checkbox(soup, name, value).find_parent("label").get_text().split())


def chip(soup, label):
    for a in soup.select("a.chip"):
        if " ".join(a.get_text().split()) == f"Verwijder filter {label}×":
            return a
    raise AssertionError(f"no chip {label!r} in {[a.get_text() for a in soup.select('a.chip')]}")


# -- the page -------------------------------------------------------------------------------------


def test_is_not_indexed_and_every_control_has_a_visible_label(client, aanbod):
    response, soup = get(client)
    robots = soup.select_one('meta[name="robots"]')
    assert "noindex" in robots["content"]
    assert soup.select_one('label[for="zoek-q"]').get_text(strip=True) == "Zoek op woorden"
    assert soup.select_one('form[role="search"] input[name="q"]')["id"] == "zoek-q"
    assert soup.select_one('label[for="zoek-sort"]').get_text(strip=True) == "Sorteer op"
    # The script only enhances: it is deferred and the forms are plain GET forms.
    assert soup.select_one('script[src$="js/zoeken.js"]').has_attr("defer")
    form = soup.select_one("#filterformulier")
    assert form["method"] == "get" and form.name == "form"

    legends = [f.legend.get_text(strip=True) for f in form.select("fieldset.facet")]
    assert legends == [
        "Thema", "Wijk", "Taal", "Voor wie", "Toegankelijkheid", "Prijs", "Vorm", "Inschrijven",
        "Organisatie",
    ]  # fmt: skip
    groups = [
        g.legend.get_text(strip=True) for g in form.select("#facet-toegankelijkheid fieldset")
    ]
    assert groups == ["Begrijpbaar", "Beschikbaar", "Bruikbaar", "Bereikbaar"]


def test_result_count_is_the_heading_and_cards_show_what_a_caregiver_needs(client, aanbod):
    response, soup = get(client, "q=wandelen&taal=ar")
    # "wandelen" is a synonym of beweging, so the bike lessons in Arabic count too.
    assert soup.select_one("h2#resultaten-titel").get_text(strip=True) == "2 aanbod gevonden"
    card = soup.select_one(".resultaten-lijst article")  # best match first
    title = card.select_one("h3 a")
    assert title["href"] == aanbod.wandelen.url
    assert title.select_one("mark") is not None  # the matched word, highlighted
    assert card.select_one(".card-org").get_text(strip=True) == "WGC Alfa"
    assert [li.get_text() for li in card.select(".tags li")] == ["Beweging"]
    hints = " ".join(card.select_one(".hints").get_text(" ").split())
    assert "Prijs Gratis" in hints
    assert "Waar Rabot - Blaisantvest" in hints
    assert "Taal Arabisch, Nederlands" in hints


def test_no_query_per_card(client, veel_aanbod):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            response, soup = get(client, params)
        return len(captured), len(soup.select(".resultaten-lijst article"))

    queries("thema=vaccinatie")  # warm up the per-process caches (site, settings)
    few, cards_few = queries("thema=mondzorg")
    many, cards_many = queries("thema=beweging")
    assert (cards_few, cards_many) == (1, 20)
    assert many <= few, "a query per card"


def test_sort_offers_best_match_only_with_words(client, aanbod):
    response, soup = get(client, "thema=beweging")
    options = [o.get_text() for o in soup.select("#zoek-sort option")]
    assert options == ["Naam (A-Z)", "Laatst nagekeken"]
    response, soup = get(client, "q=wandelen")
    options = [(o.get_text(), o.has_attr("selected")) for o in soup.select("#zoek-sort option")]
    assert options == [("Best passend", True), ("Naam (A-Z)", False), ("Laatst nagekeken", False)]
    # The sort select and its no-JS button belong to the filter form.
    assert soup.select_one("#zoek-sort")["form"] == "filterformulier"
    assert soup.select_one('button[form="filterformulier"]').get_text(strip=True) == "Sorteer"


# -- facets ---------------------------------------------------------------------------------------


def test_facets_show_the_count_next_to_each_value(client, aanbod):
    response, soup = get(client)
    assert value_text(soup, "taal", "ar") == "Arabisch (2)"
    assert value_text(soup, "taal", "nl") == "Nederlands (6)"
    assert value_text(soup, "thema", "beweging") == "Beweging (3)"
    assert value_text(soup, "organisatie", "zf-beta") == "Ziekenfonds Beta (3)"

    # Counts follow the other filters: with Arabisch, only the two offers in Rabot remain.
    response, soup = get(client, "taal=ar")
    assert value_text(soup, "thema", "beweging") == "Beweging (2)"
    assert value_text(soup, "taal", "fr") == "Frans (2)"  # own facet: what adding it would give


def test_a_new_or_renamed_vocabulary_entry_shows_at_once(client, aanbod):
    get(client)  # the facet choices are now kept by this worker
    Thema.objects.create(slug="slaap", label="Goed slapen")
    response, soup = get(client)
    assert value_text(soup, "thema", "slaap") == "Goed slapen (0)"
    Thema.objects.filter(slug="slaap").update(label="Slaap")  # no signal: another worker did it
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("aanbod.facetten.CHOICES_MAX_AGE", 0)  # ... and the kept copy is old
        response, soup = get(client)
    assert value_text(soup, "thema", "slaap") == "Slaap (0)"


def test_vocabulary_labels_and_values_are_escaped_in_the_filters(client, aanbod):
    Thema.objects.create(slug="x", label='"><script>alert(1)</script><b>Slaap')
    response, soup = get(client)
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "<b>Slaap" not in html
    assert value_text(soup, "thema", "x") == '"><script>alert(1)</script><b>Slaap (0)'


def test_values_without_results_are_greyed_and_disabled_unless_chosen(client, aanbod):
    response, soup = get(client, "taal=ar&thema=valpreventie")
    leeg = checkbox(soup, "thema", "mondzorg")
    assert leeg.has_attr("disabled") and "is-leeg" in leeg.find_parent("li")["class"]
    # Chosen but without results: still checked and operable, so it can be unticked.
    chosen = checkbox(soup, "thema", "valpreventie")
    assert chosen.has_attr("checked") and not chosen.has_attr("disabled")
    assert value_text(soup, "thema", "valpreventie") == "Valpreventie (0)"
    assert not checkbox(soup, "taal", "ar").has_attr("disabled")


def test_long_facets_show_eight_values_and_the_rest_behind_toon_alle(client, aanbod):
    response, soup = get(client, "wijk=zwijnaarde")
    wijk = soup.select_one("#facet-wijk")
    visible = wijk.select(":scope > ul input")
    folded = wijk.select("details input")
    assert 1 <= len(visible) <= 8
    assert len(visible) + len(folded) == Wijk.objects.count() + 1  # + "Heel Gent (stadsbreed)"
    assert " ".join(wijk.select_one("details summary").get_text().split()).startswith(
        "Toon alle wijken"
    )
    # A chosen value is never folded away, even without results.
    assert checkbox(soup, "wijk", "zwijnaarde") in visible
    assert soup.select_one("#facet-taal details") is not None
    # Short facets are shown whole.
    assert soup.select_one("#facet-prijs details") is None


# -- chips and links ------------------------------------------------------------------------------


def test_each_chip_removes_only_its_own_value_and_resets_the_page(client, aanbod):
    params = "q=wandelen&wijk=rabot-blaisantvest&wijk=ledeberg&taal=ar&sort=naam&page=2"
    response, soup = get(client, params)
    assert [" ".join(a.get_text().split()) for a in soup.select("a.chip")] == [
        "Verwijder filter Wijk: Ledeberg×",
        "Verwijder filter Wijk: Rabot - Blaisantvest×",
        "Verwijder filter Taal: Arabisch×",
    ]
    assert query(chip(soup, "Wijk: Rabot - Blaisantvest")["href"]) == {
        "q": ["wandelen"], "wijk": ["ledeberg"], "taal": ["ar"], "sort": ["naam"],
    }  # fmt: skip
    assert query(chip(soup, "Taal: Arabisch")["href"]) == {
        "q": ["wandelen"], "wijk": ["rabot-blaisantvest", "ledeberg"], "sort": ["naam"],
    }  # fmt: skip
    # The × is decoration; the visible text is part of the accessible name.
    assert chip(soup, "Taal: Arabisch").select_one(".chip-x")["aria-hidden"] == "true"

    wis = soup.find("a", string="Wis alle filters")
    assert query(wis["href"]) == {"q": ["wandelen"], "sort": ["naam"]}


def test_search_box_keeps_the_filters_and_starts_at_page_one(client, aanbod):
    response, soup = get(client, "q=wandelen&thema=beweging&taal=ar&page=2")
    form = soup.select_one('form[role="search"]')
    hidden = {(i["name"], i["value"]) for i in form.select('input[type="hidden"]')}
    assert hidden == {("thema", "beweging"), ("taal", "ar")}
    filterform = soup.select_one("#filterformulier")
    assert filterform.select_one('input[name="page"]') is None
    assert filterform.select_one('input[type="hidden"][name="q"]')["value"] == "wandelen"


def test_pagination_keeps_the_filters_and_marks_the_current_page(client, veel_aanbod):
    response, soup = get(client, "thema=beweging&wijk=ledeberg")
    assert soup.select_one("#resultaten-titel").get_text(strip=True) == "24 aanbod gevonden"
    nav = soup.select_one('nav[aria-label="Paginanavigatie"]')
    current = nav.select_one('[aria-current="page"]')
    assert " ".join(current.get_text().split()) == "Pagina 1"
    volgende = nav.select_one('a[rel="next"]')
    assert query(volgende["href"]) == {
        "thema": ["beweging"], "wijk": ["ledeberg"], "page": ["2"],
    }  # fmt: skip
    pagina2 = next(a for a in nav.select("a") if a.get_text(strip=True) == "Pagina2")
    assert query(pagina2["href"]) == query(volgende["href"])

    response, soup = get(client, "thema=beweging&wijk=ledeberg&page=2")
    nav = soup.select_one('nav[aria-label="Paginanavigatie"]')
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "Pagina2"
    assert len(soup.select(".resultaten-lijst article")) == 4
    # Back to page 1 drops page; filter links on page 2 drop it too.
    assert query(nav.select_one('a[rel="prev"]')["href"]) == {
        "thema": ["beweging"], "wijk": ["ledeberg"],
    }  # fmt: skip
    assert query(chip(soup, "Wijk: Ledeberg")["href"]) == {"thema": ["beweging"]}
    assert "page" not in query(soup.find("a", string="Wis alle filters")["href"])


# -- no results -----------------------------------------------------------------------------------


def test_zero_results_offer_the_spelling_and_the_filter_to_drop(client, aanbod):
    # Beweging in Dampoort: nothing. Without the wijk there are 3, without the thema 2 (koken and
    # the stadsbreed rookstop); the taal filter alone blocks nothing.
    response, soup = get(client, "thema=beweging&wijk=dampoort&taal=nl&page=3")
    assert soup.select_one("#resultaten-titel").get_text(strip=True) == "Geen aanbod gevonden"
    help = soup.select_one(".geen-resultaten")
    assert "We vonden geen aanbod met deze filters." in " ".join(help.get_text().split())
    offers = [
        (" ".join(li.get_text().split()), query(li.a["href"]))
        for li in help.select(".filter-weg li")
    ]
    assert offers == [
        ("Zonder filter Wijk: Dampoort (3 aanbod)", {"thema": ["beweging"], "taal": ["nl"]}),
        ("Zonder filter Thema: Beweging (2 aanbod)", {"wijk": ["dampoort"], "taal": ["nl"]}),
    ]
    assert soup.select(".resultaten-lijst") == []
    assert soup.select_one('nav[aria-label="Paginanavigatie"]') is None


def test_zero_results_for_a_typo_suggest_the_right_word_and_keep_the_filters(client, aanbod):
    response, soup = get(client, "q=wandlen&thema=mondzorg&page=2")
    zoek = response.context["zoek"]
    assert zoek.total == 0 and zoek.suggestion == "wandelen"
    link = soup.select_one(".geen-resultaten .suggestie a")
    assert link.get_text() == "wandelen"
    assert query(link["href"]) == {"q": ["wandelen"], "thema": ["mondzorg"]}
    text = " ".join(soup.select_one(".geen-resultaten").get_text().split())
    assert "We vonden geen aanbod voor wandlen met deze filters." in text
    assert "Bedoelde je wandelen?" in text


# -- notices and escaping -------------------------------------------------------------------------


def test_notices_are_shown_in_a_polite_box(client, aanbod):
    response, soup = get(client, "wijk=atlantis&taal=ar")
    box = soup.select_one(".notice")
    assert box["role"] == "status"
    assert "Onbekende keuze genegeerd bij wijk: atlantis" in box.get_text()
    assert "notice-warn" not in box["class"]


def test_unavailable_index_is_said_plainly_and_nothing_is_disabled(
    client, aanbod, settings, tmp_path
):
    break_index(settings, tmp_path / "weg", "weg")
    response, soup = get(client, "thema=beweging")
    assert response.context["zoek"].unavailable
    box = soup.select_one(".notice.notice-warn")
    assert "Zoeken werkt even minder goed" in box.get_text()
    # Without counts there is nothing to show next to a value, and nothing to grey out.
    assert soup.select(".facet-aantal") == []
    assert soup.select("#filterformulier input[disabled]") == []
    assert value_text(soup, "thema", "mondzorg") == "Mondzorg"
    assert soup.select_one("#resultaten-titel").get_text(strip=True) == "3 aanbod gevonden"


def test_words_are_escaped_in_the_input_and_everywhere_they_are_echoed(client, aanbod):
    evil = '"><script>alert(1)</script><b>wandlen'
    response, soup = get(client, {"q": evil, "thema": "beweging"})
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "<b>wandlen" not in html
    assert soup.select_one("#zoek-q")["value"] == evil
    assert soup.select_one('#filterformulier input[name="q"]')["value"] == evil
    strong = soup.select_one(".geen-resultaten strong")
    assert strong.get_text() == evil and strong.find("script") is None


def test_suggestion_is_escaped_and_url_encoded(client, aanbod):
    response, soup = get(client, "q=wandlen+%26+%3Cb%3E&thema=beweging")
    zoek = response.context["zoek"]
    if not zoek.suggestion:
        pytest.skip("the index gives no suggestion for this query")
    link = soup.select_one(".suggestie a")
    assert link.find("b") is None
    assert link.get_text() == zoek.suggestion
    assert query(link["href"])["q"] == [zoek.suggestion]
    assert query(link["href"])["thema"] == ["beweging"]


def test_each_result_adds_to_the_selection_and_comes_back_to_the_same_search(client, aanbod):
    query = "q=wandelen&wijk=rabot-blaisantvest"
    response, soup = get(client, query)
    card = soup.find(id=f"aanbod-{aanbod.wandelen.pk}")
    form = card.find("form", action="/selectie/toevoegen/")
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    assert fields["aanbod"] == str(aanbod.wandelen.pk)
    response = client.post(form["action"], fields)
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?{query}#aanbod-{aanbod.wandelen.pk}"
    response, soup = get(client, query)
    card = soup.find(id=f"aanbod-{aanbod.wandelen.pk}")
    assert "In je selectie" in card.get_text() and not card.find("button")
