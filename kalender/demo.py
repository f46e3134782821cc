"""Demo campaigns and activities (invented; the campaigns are the yearly ones from Ghent's health
policy note). Campaigns take their next yearly period; activities are dated relative to today, so
the calendar is full this month and next whenever the demo is loaded. Idempotent: existing pages
(matched on slug) are kept as they are.
"""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page

from aanbod.demo import Vocab, beschrijving_html
from aanbod.models import AanbodPage, OrganisatiePage

from .enums import Herhaling
from .models import (
    ActiviteitDatum,
    ActiviteitPage,
    ActiviteitUitzondering,
    CampagneMateriaal,
    CampagnePage,
    KalenderIndexPage,
)

T = datetime.time

# slug, title, (month, day) start, (month, day) end (day 0 = last day of the month), themes, text
CAMPAGNES = [
    (
        "tournee-minerale", "Tournée Minérale", (2, 1), (2, 0), ["alcohol-en-drugs"],
        "Een maand zonder alcohol. Je merkt hoe je je voelt, slaapt en hoeveel je uitspaart.",
    ),
    (
        "maand-van-de-mondzorg", "Maand van de mondzorg", (3, 1), (3, 31), ["mondzorg"],
        "Elke dag je tanden poetsen en één keer per jaar naar de tandarts: wij helpen je op weg.",
    ),
    (
        "week-van-de-valpreventie", "Week van de valpreventie", (4, 20), (4, 26),
        ["valpreventie", "beweging"],
        "Sterk op je benen blijven en thuis veilig wonen, ook als je ouder wordt.",
    ),
    (
        "10-daagse-van-de-geestelijke-gezondheid", "10-daagse van de geestelijke gezondheid",
        (10, 1), (10, 10), ["mentaal-welbevinden"],
        "Tien dagen lezingen, opendeurdagen, groepen en workshops. Praten over hoe je je voelt, "
        "mag.",
    ),
    (
        "dag-van-de-mantelzorg", "Dag van de mantelzorg", (11, 20), (11, 20), ["mantelzorg"],
        "Een dag om mantelzorgers in de bloemetjes te zetten en te tonen waar ze hulp vinden.",
    ),
]  # fmt: skip

# org slug, title, offer title or None, dict of own fields; dates filled in by _datums().
HERHALEND = [
    ("wgc-rabot", "Samen bewegen: wandelgroep op dinsdag", "Samen bewegen in het park",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 1, "tijd": (T(14), T(15)), "weken": 16,
      "locatie_naam": "Ingang Westerbegraafplaats", "straat_nummer": "Palinghuizen 2",
      "postcode": "9000"}),
    ("ldc-de-pelikaan", "Sterk op je benen: oefenen in groep", "Sterk op je benen",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 2, "tijd": (T(10), T(11)), "weken": 14,
      "locatie_naam": "Dienstencentrum De Pelikaan"}),
    ("ldc-de-zonnebloem", "Stoelgym op maandag", "Stoelgym",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 0, "tijd": (T(14), T(15)), "weken": 16,
      "locatie_naam": "Dienstencentrum De Zonnebloem", "uitzondering_week": 5}),
    ("mantelzorgnetwerk-gent", "Mantelzorgcafé: elke eerste woensdag", "Mantelzorgcafé",
     {"herhaling": Herhaling.MAANDELIJKS, "dag": 2, "tijd": (T(14), T(16)), "keer": 6,
      "eerste_week": True, "locatie_naam": "Wijkcentrum Dampoort"}),
    ("wgc-ledeberg", "Babbelstap: wandelen om de twee weken", "Wandelclub De Babbelstap",
     {"herhaling": Herhaling.TWEEWEKELIJKS, "dag": 5, "tijd": (T(10), T(12)), "weken": 20,
      "locatie_naam": "Wijkgezondheidscentrum Ledeberg"}),
    ("stad-gent-sportdienst", "Buurtsport op het pleintje", "Buurtsport op het pleintje",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 2, "tijd": (T(15), T(17)), "weken": 12,
      "locatie_naam": "Pleintje Brugse Poort", "straat_nummer": "Phoenixstraat 1",
      "postcode": "9000"}),
    ("wgc-nieuw-gent", "Rookstopgroep: acht avonden", "Rookstopgroep in de wijk",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 1, "tijd": (T(19), T(21)), "keer": 8,
      "locatie_naam": "Wijkgezondheidscentrum Nieuw Gent"}),
    ("ldc-het-nest", "Wandeling op vrijdag", "Wekelijkse wandeling: elke week een stapje",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 4, "tijd": (T(10), T(11, 30)), "weken": 16,
      "locatie_naam": "Dienstencentrum Het Nest"}),
    ("cgg-gent-oost", "Omgaan met stress: zes avonden", "Groep: omgaan met stress",
     {"herhaling": Herhaling.TWEEWEKELIJKS, "dag": 0, "tijd": (T(19), T(21)), "keer": 6,
      "locatie_naam": "CGG Gent-Oost", "straat_nummer": "Kasteellaan 80", "postcode": "9000"}),
    ("overkop-gent", "Binnenspringen: open huis op woensdag", "Binnenspringen bij OverKop",
     {"herhaling": Herhaling.WEKELIJKS, "dag": 2, "tijd": (T(14), T(18)), "weken": 16,
      "locatie_naam": "OverKop Gent"}),
]  # fmt: skip

# org slug, title, offer title or None, campaign slug or None, dates as (days from today,
# ("week", weeks from this week, weekday) or ("campagne", day offset in the campaign[, weekday:
# the first such weekday from there])), times, own fields. A date of an offer falls on the days
# and hours its schedule text names (tests/kalender/test_wanneer_demo.py checks it).
LOSSE = [
    ("logo-gezond-plus", "Infoavond: kanker vroeg vinden", "Infosessie: kanker vroeg vinden",
     None, [10, 38], (T(19, 30), T(21)),
     {"locatie_naam": "Bibliotheek De Krook", "straat_nummer": "Miriam Makebaplein 1",
      "postcode": "9000"}),
    ("wgc-botermarkt", "Griepprik zonder afspraak: extra moment", "Griepprik zonder afspraak",
     None, [("week", 1, 2), ("week", 3, 2)], (T(9), T(12)), {}),
    ("vzw-de-fontein", "Gezonde soep op de inloop", None, None, [6, 20, 34],
     (T(12), T(13, 30)),
     {"themas": ["gezonde-voeding"], "wijken": ["sluizeken-tolhuis-ham"], "talen": ["nl", "fr"],
      "doelgroepen": ["mensen-in-armoede", "dak-en-thuislozen"], "prijs": ["gratis"],
      "vormen": ["groepsaanbod"], "locatie_naam": "Inloopcentrum De Fontein",
      "straat_nummer": "Sleepstraat 10", "postcode": "9000"}),
    ("stad-gent-gezondheidsgidsen", "Infomoment: hoe werkt de zorg in België?",
     "Hoe werkt de zorg in België?", None, [12, 40], (T(13, 30), T(15, 30)),
     {"locatie_naam": "Wijkbibliotheek Stationsbuurt"}),
    # Tournée Minérale
    ("drugs-outreach-gent", "Minder drinken: infoavond", "Minder drinken: groep",
     "tournee-minerale", [("campagne", 2, 3)], (T(19), T(21)), {}),
    ("ziekenfonds-samen-gezond", "Mocktails maken: workshop", None, "tournee-minerale",
     [("campagne", 9), ("campagne", 16)], (T(18, 30), T(20, 30)),
     {"themas": ["alcohol-en-drugs", "gezonde-voeding"], "wijken": ["binnenstad"],
      "talen": ["nl"], "prijs": ["gratis"], "vormen": ["groepsaanbod"],
      "inschrijving": ["inschrijven"], "locatie_naam": "Kantoor Samen Gezond",
      "straat_nummer": "Lange Kruisstraat 5", "postcode": "9000"}),
    ("logo-gezond-plus", "Tournée Minérale: startdag op de Kouter", None, "tournee-minerale",
     [("campagne", 0)], None,
     {"themas": ["alcohol-en-drugs"], "stadsbreed": True, "talen": ["nl", "en"],
      "prijs": ["gratis"], "vormen": ["groepsaanbod"], "locatie_naam": "Kouter",
      "straat_nummer": "Kouter 1", "postcode": "9000"}),
    # Maand van de mondzorg
    ("mondhygienist-stralend", "Gratis mondcheck tijdens de mondzorgmaand",
     "Mondcheck bij de mondhygiënist", "maand-van-de-mondzorg",
     [("campagne", 3), ("campagne", 10), ("campagne", 17), ("campagne", 24)],
     (T(16), T(19)), {"prijs": ["gratis"]}),
    ("stad-gent-gezondheidsgidsen", "Met de mondzorgcoach naar de tandarts",
     "Mondzorgcoach: hulp om naar de tandarts te gaan", "maand-van-de-mondzorg",
     [("campagne", 5), ("campagne", 19)], (T(9, 30), T(12)),
     {"locatie_naam": "Buurthuis Prinsenhof", "straat_nummer": "Bachtenwalle 30",
      "postcode": "9000"}),
    # Week van de valpreventie
    ("wgc-de-kaai", "Valpreventie: test je evenwicht",
     "Vallen voorkomen: oefengroep voor 65-plussers", "week-van-de-valpreventie",
     [("campagne", 0, 0)], (T(10), T(11)), {}),
    ("ziekenhuis-leiehof", "Opendeur in de valkliniek", "Valkliniek: waarom val je?",
     "week-van-de-valpreventie", [("campagne", 3)], (T(13), T(17)), {}),
    # 10-daagse
    # One-off events apart from an offer's weekly times: not linked to the offer.
    ("cgg-gent-oost", "Lezing: piekeren, en hoe je ermee stopt", None,
     "10-daagse-van-de-geestelijke-gezondheid", [("campagne", 2)], (T(19, 30), T(21, 30)),
     {"themas": ["mentaal-welbevinden"], "stadsbreed": True, "talen": ["nl"],
      "prijs": ["gratis"], "vormen": ["groepsaanbod"], "inschrijving": ["inschrijven"],
      "locatie_naam": "CGG Gent-Oost", "straat_nummer": "Kasteellaan 80", "postcode": "9000"}),
    ("tejo-gent", "Opendeur bij TEJO", None,
     "10-daagse-van-de-geestelijke-gezondheid", [("campagne", 4)], (T(14), T(18)),
     {"themas": ["mentaal-welbevinden"], "stadsbreed": True, "talen": ["nl"],
      "doelgroepen": ["jongeren"], "prijs": ["gratis"], "vormen": ["groepsaanbod"],
      "inschrijving": ["zonder-afspraak"], "locatie_naam": "TEJO Gent",
      "straat_nummer": "Sint-Pietersnieuwstraat 5", "postcode": "9000"}),
    ("overkop-gent", "Workshop: je goed voelen in je vel", "Creatief atelier: samen maken",
     "10-daagse-van-de-geestelijke-gezondheid", [("campagne", 3, 2)], (T(15), T(18)), {}),
    # Dag van de mantelzorg
    ("mantelzorgnetwerk-gent", "Verwendag voor mantelzorgers", None, "dag-van-de-mantelzorg",
     [("campagne", 0)], None,
     {"themas": ["mantelzorg"], "stadsbreed": True, "talen": ["nl"],
      "doelgroepen": ["mantelzorgers"], "prijs": ["gratis"], "vormen": ["groepsaanbod"],
      "inschrijving": ["inschrijven"], "locatie_naam": "Vooruit",
      "straat_nummer": "Sint-Pietersnieuwstraat 23", "postcode": "9000"}),
    ("ldc-de-pelikaan", "Praatgroep mantelzorg: extra sessie", None,
     "dag-van-de-mantelzorg", [("campagne", 0)], (T(10), T(12)),
     {"themas": ["mantelzorg"], "wijken": ["sint-amandsberg"], "talen": ["nl"],
      "doelgroepen": ["mantelzorgers"], "prijs": ["gratis"], "vormen": ["groepsaanbod"],
      "inschrijving": ["inschrijven"], "locatie_naam": "Dienstencentrum De Pelikaan",
      "straat_nummer": "Hogeweg 20", "postcode": "9000"}),
]  # fmt: skip
M2M = {
    "themas": "thema", "wijken": "wijk", "talen": "taal", "doelgroepen": "doelgroep",
    "toegankelijkheid": "toegankelijkheid",
}  # fmt: skip
VELDEN = (
    "stadsbreed", "prijs", "vormen", "inschrijving", "locatie_naam", "straat_nummer", "postcode",
)  # fmt: skip


def periode(start_md, einde_md, today):
    """The yearly period that has not ended yet: this year's, else next year's."""
    for year in (today.year, today.year + 1):
        start = datetime.date(year, *start_md)
        month, day = einde_md
        day = day or calendar.monthrange(year, month)[1]
        einde = datetime.date(year, month, day)
        if einde >= today:
            return start, einde
    return start, einde


def _campagnes(index, vocab, today):
    result = {}
    for slug, titel, start_md, einde_md, themas, tekst in CAMPAGNES:
        page = CampagnePage.objects.filter(slug=slug).first()
        if page is None:
            start, einde = periode(start_md, einde_md, today)
            page = CampagnePage(
                title=titel, slug=slug, start=start, einde=einde, in_het_kort=tekst,
                beschrijving=beschrijving_html([tekst]),
            )  # fmt: skip
            page.themas = [vocab.thema[t] for t in themas]
            page.materialen = [
                CampagneMateriaal(titel="Affiche en logo's (website van de campagne)",
                                  link="https://example.org/campagnes/" + slug),
            ]  # fmt: skip
            index.add_child(instance=page)
            page.save_revision().publish()
        result[slug] = page
    return result


def _nieuw(org, titel, aanbod_titel, campagne, velden, vocab):
    slug = slugify(titel)[:80]
    if ActiviteitPage.objects.child_of(org).filter(slug=slug).exists():
        return None
    if Page.objects.child_of(org).filter(slug=slug).exists():  # an offer with the same name
        slug = f"{slug[:70]}-activiteit"
        if ActiviteitPage.objects.child_of(org).filter(slug=slug).exists():
            return None
    aanbod = None
    if aanbod_titel:
        aanbod = AanbodPage.objects.child_of(org).filter(title=aanbod_titel).first()
    page = ActiviteitPage(
        title=titel, slug=slug, aanbod=aanbod, campagne=campagne,
        in_het_kort=(aanbod.in_het_kort if aanbod else titel + "."),
        **{k: velden[k] for k in VELDEN if k in velden},
    )  # fmt: skip
    for field, facet in M2M.items():
        if field in velden:
            lookup = getattr(vocab, facet)
            setattr(page, field, [lookup[s] for s in velden[field]])
    return page


@transaction.atomic
def laad_kalender_demo(today=None):
    """Returns (campaigns, new activities)."""
    today = today or timezone.localdate()
    vocab = Vocab()
    index = KalenderIndexPage.objects.first()
    campagnes = _campagnes(index, vocab, today)
    orgs = {o.slug: o for o in OrganisatiePage.objects.all()}
    maandag = today - datetime.timedelta(days=today.weekday())
    nieuw = 0

    for org_slug, titel, aanbod_titel, velden in HERHALEND:
        org = orgs.get(org_slug)
        page = org and _nieuw(org, titel, aanbod_titel, None, velden, vocab)
        if not page:
            continue
        eerste = maandag + datetime.timedelta(days=velden["dag"])
        if velden.get("eerste_week"):  # the first such weekday of this month
            eerste = today.replace(day=1)
            while eerste.weekday() != velden["dag"]:
                eerste += datetime.timedelta(days=1)
        page.herhaling = velden["herhaling"]
        page.eerste_dag = eerste
        page.start_tijd, page.eind_tijd = velden["tijd"]
        if "keer" in velden:
            page.herhaal_aantal = velden["keer"]
        else:
            page.herhaal_tot = eerste + datetime.timedelta(weeks=velden["weken"])
        if "uitzondering_week" in velden:
            page.uitzonderingen = [
                ActiviteitUitzondering(
                    datum=eerste + datetime.timedelta(weeks=velden["uitzondering_week"])
                )
            ]
        org.add_child(instance=page)
        page.save_revision().publish()
        nieuw += 1

    for org_slug, titel, aanbod_titel, campagne_slug, dagen, tijd, velden in LOSSE:
        org = orgs.get(org_slug)
        campagne = campagnes.get(campagne_slug) if campagne_slug else None
        page = org and _nieuw(org, titel, aanbod_titel, campagne, velden, vocab)
        if not page:
            continue
        data = []
        for dag in dagen:
            if not isinstance(dag, tuple):
                datum = today + datetime.timedelta(days=dag)
            elif dag[0] == "week":
                datum = maandag + datetime.timedelta(weeks=dag[1], days=dag[2])
            else:
                datum = campagne.start + datetime.timedelta(days=dag[1])
                while len(dag) > 2 and datum.weekday() != dag[2]:
                    datum += datetime.timedelta(days=1)
            start, einde = tijd or (None, None)
            data.append(ActiviteitDatum(datum=datum, start_tijd=start, eind_tijd=einde))
        page.hele_dag = tijd is None
        page.losse_data = data
        org.add_child(instance=page)
        page.save_revision().publish()
        nieuw += 1
    return campagnes, nieuw
