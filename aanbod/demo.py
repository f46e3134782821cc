"""Build the demo dataset (aanbod/data/demo.json) and synthetic offers for benchmarks.

Everything in demo.json is invented: e-mail on example.org, phone numbers that cannot exist
(09 0xx xx xx), and the site shows a 'voorbeeldgegevens' notice while it is loaded.
"""

import json
import random
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from aanbod.enums import Inschrijving, OrganisatieSoort, PrijsCategorie, Vorm
from aanbod.models import (
    AanbodLocatie,
    AanbodPage,
    AanbodVertaling,
    Doelgroep,
    Taal,
    Thema,
    Toegankelijkheid,
    Wijk,
)
from aanbod.partners import maak_organisatie

DEMO_FILE = Path(__file__).parent / "data" / "demo.json"
ORGANISATIE_VELDEN = (
    "soort", "korte_beschrijving", "telefoon", "email", "website",
    "straat_nummer", "postcode", "gemeente",
)  # fmt: skip
AANBOD_VELDEN = (
    "in_het_kort", "min_leeftijd", "max_leeftijd", "stadsbreed", "vormen", "prijs",
    "prijs_toelichting", "inschrijving", "inschrijving_telefoon", "inschrijving_email",
    "inschrijving_link", "planning", "contactpersoon",
)  # fmt: skip


def load_demo_data(path=DEMO_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


class Vocab:
    """Slug → object lookups, loaded once per run."""

    def __init__(self):
        self.thema = {o.slug: o for o in Thema.objects.all()}
        self.doelgroep = {o.slug: o for o in Doelgroep.objects.all()}
        self.taal = {o.slug: o for o in Taal.objects.all()}
        self.wijk = {o.slug: o for o in Wijk.objects.all()}
        self.toegankelijkheid = {o.slug: o for o in Toegankelijkheid.objects.all()}


def beschrijving_html(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def maak_aanbod(organisatie, data, vocab, publish=True):
    """Create one offer under its organisation from a demo.json record (skip if it exists)."""
    slug = data.get("slug") or slugify(data["titel"])[:80]
    existing = AanbodPage.objects.child_of(organisatie).filter(slug=slug).first()
    if existing:
        voeg_vertalingen_toe(existing.specific, data)
        return existing, False
    page = AanbodPage(
        title=data["titel"],
        slug=slug,
        beschrijving=beschrijving_html(data.get("beschrijving", [])),
        bedrag=Decimal(data["bedrag"]) if data.get("bedrag") else None,
        **{k: data[k] for k in AANBOD_VELDEN if data.get(k) is not None},
    )
    page.themas = [vocab.thema[s] for s in data["themas"]]
    page.doelgroepen = [vocab.doelgroep[s] for s in data.get("doelgroepen", [])]
    page.talen = [vocab.taal[s] for s in data["talen"]]
    page.wijken = [vocab.wijk[s] for s in data.get("wijken", [])]
    page.toegankelijkheid = [vocab.toegankelijkheid[s] for s in data.get("toegankelijkheid", [])]
    page.locaties = [
        AanbodLocatie(
            naam=loc.get("naam", ""),
            straat_nummer=loc["straat_nummer"],
            postcode=loc["postcode"],
            gemeente=loc.get("gemeente", "Gent"),
            wijk=vocab.wijk.get(loc.get("wijk") or ""),
            openbaar_vervoer=loc.get("openbaar_vervoer", ""),
        )
        for loc in data.get("locaties", [])
    ]
    page.vertalingen = vertalingen(data)
    organisatie.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def vertalingen(data):
    return [AanbodVertaling(**rij) for rij in data.get("vertalingen", [])]


def voeg_vertalingen_toe(page, data):
    """A demo offer loaded before it had translations gets them, through a published
    revision like any edit; one that has translations keeps them as they are."""
    if data.get("vertalingen") and page.live and not page.vertalingen.exists():
        page.vertalingen = vertalingen(data)
        page.save_revision().publish()


@transaction.atomic
def laad_demo(data=None, progress=None):
    """Load demo.json; idempotent (existing organisations and offers are kept). Returns counts."""
    data = data or load_demo_data()
    vocab = Vocab()
    created = 0
    organisaties = []
    for org in data["organisaties"]:
        velden = {k: org[k] for k in ORGANISATIE_VELDEN if k in org and k != "soort"}
        organisatie, _group = maak_organisatie(
            org["naam"], org["soort"], slug=org["slug"], **velden
        )
        organisaties.append(organisatie)
        for offer in org["aanbod"]:
            _page, new = maak_aanbod(organisatie, offer, vocab)
            created += new
            if progress:
                progress.update(1)
    return organisaties, created


WOORDEN = [
    "bewegen",
    "wandelen",
    "koken",
    "gezond",
    "eten",
    "tanden",
    "poetsen",
    "stress",
    "slapen",
    "piekeren",
    "roken",
    "stoppen",
    "alcohol",
    "drugs",
    "gamen",
    "gokken",
    "eenzaam",
    "samen",
    "praten",
    "mantelzorg",
    "vaccin",
    "kanker",
    "onderzoek",
    "zwanger",
    "baby",
    "ouders",
    "senioren",
    "vallen",
    "evenwicht",
    "fiets",
    "zwemmen",
    "yoga",
    "groep",
    "coach",
    "diëtist",
    "tandarts",
    "huisarts",
    "buurt",
    "wijk",
    "gratis",
    "spreekuur",
    "ontmoeting",
    "workshop",
    "les",
    "cursus",
    "begeleiding",
]


@transaction.atomic
def maak_synthetisch(aantal, seed=42, progress=None):
    """Add `aantal` synthetic published offers spread over synthetic organisations."""
    rng = random.Random(seed)
    vocab = Vocab()
    lists = {name: list(getattr(vocab, name).values()) for name in
             ("thema", "doelgroep", "taal", "wijk", "toegankelijkheid")}  # fmt: skip
    org_count = max(1, aantal // 50)
    organisaties = []
    for i in range(org_count):
        organisatie, _ = maak_organisatie(
            f"Synthetische organisatie {i + 1}",
            rng.choice(OrganisatieSoort.values),
            slug=f"synthetisch-{seed}-{i + 1}",
        )
        organisaties.append(organisatie)
    for n in range(aantal):
        words = rng.sample(WOORDEN, 4)
        prijs = rng.sample(PrijsCategorie.values, rng.randint(1, 2))
        data = {
            "titel": f"{words[0].capitalize()} en {words[1]} {n + 1}",
            "slug": f"aanbod-{n + 1}",
            "in_het_kort": " ".join(rng.sample(WOORDEN, 12)).capitalize() + ".",
            "beschrijving": [" ".join(rng.sample(WOORDEN, 30)).capitalize() + "."],
            "themas": [t.slug for t in rng.sample(lists["thema"], rng.randint(1, 2))],
            "doelgroepen": [d.slug for d in rng.sample(lists["doelgroep"], rng.randint(0, 2))],
            "talen": [t.slug for t in rng.sample(lists["taal"], rng.randint(1, 3))],
            "stadsbreed": rng.random() < 0.15,
            "wijken": [w.slug for w in rng.sample(lists["wijk"], rng.randint(0, 2))],
            "toegankelijkheid": [
                t.slug for t in rng.sample(lists["toegankelijkheid"], rng.randint(0, 4))
            ],
            "vormen": rng.sample(Vorm.values, rng.randint(1, 2)),
            "prijs": prijs,
            "bedrag": "5.00" if PrijsCategorie.BETALEND in prijs else None,
            "inschrijving": rng.sample(Inschrijving.values, 1),
        }
        maak_aanbod(organisaties[n % org_count], data, vocab)
        if progress:
            progress.update(1)
    return aantal
