"""The columns of the import spreadsheet, declared once: the template, the reader, the dry run
and the apply step read this list. Each column maps to one field of the offer; values are read
from the model (vocabularies, fixed choices), so a new theme or wijk needs no change here."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html import escape, unescape

from django.core.exceptions import ValidationError

from aanbod.models import AanbodPage

# The spreadsheet kinds of value.
TEKST, GETAL, BEDRAG, JA_NEE, DATUM, LIJST, KEUZES, TELEFOON = (
    "tekst", "getal", "bedrag", "ja-nee", "datum", "lijst", "keuzes", "telefoon",
)  # fmt: skip
SCHEIDING = re.compile(r"\s*[;,\n]\s*")  # between values in one cell
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
FORMULE = (
    "Een cel mag niet beginnen met =, +, -, of @: een rekenblad voert dat uit als formule. "
    "Haal het teken vooraan weg."
)


@dataclass(frozen=True)
class Kolom:
    kop: str  # the Dutch column header
    veld: str  # the AanbodPage field ("" for id and organisatie)
    soort: str
    uitleg: str
    verplicht: bool = False

    @property
    def model_veld(self):
        return AanbodPage._meta.get_field(self.veld)

    def keuzes(self):
        """{slug: label} of a list or choice column, in display order."""
        if self.soort == LIJST:
            return dict(self.model_veld.related_model.objects.values_list("slug", "label"))
        if self.soort == KEUZES:  # labels may be lazy translations: read them as text here
            return {slug: str(label) for slug, label in self.model_veld.options}
        return {}


KOLOMMEN = (
    Kolom("id", "", GETAL, "Laat leeg voor nieuw aanbod. Met een id pas je dat aanbod aan."),
    Kolom(
        "organisatie",
        "",
        TEKST,
        "Leeg: de organisatie die je bij het opladen kiest. Of de code (slug) van de organisatie.",
    ),
    Kolom("titel", "title", TEKST, "De naam van het aanbod.", verplicht=True),
    Kolom("in het kort", "in_het_kort", TEKST, "Eén of twee korte zinnen (B1).", verplicht=True),
    Kolom("beschrijving", "beschrijving", TEKST, "Meer uitleg. Een lege regel = nieuwe alinea."),
    Kolom("thema's", "themas", LIJST, "Eén of meer, gescheiden door een komma.", verplicht=True),
    Kolom("doelgroepen", "doelgroepen", LIJST, "Nul of meer, gescheiden door een komma."),
    Kolom("minimumleeftijd", "min_leeftijd", GETAL, "Een getal, of leeg."),
    Kolom("maximumleeftijd", "max_leeftijd", GETAL, "Een getal, of leeg."),
    Kolom("talen", "talen", LIJST, "Eén of meer, gescheiden door een komma.", verplicht=True),
    Kolom("stadsbreed", "stadsbreed", JA_NEE, "ja of nee: voor heel Gent?"),
    Kolom("wijken", "wijken", LIJST, "Nul of meer, gescheiden door een komma."),
    Kolom("vorm", "vormen", KEUZES, "Eén of meer, gescheiden door een komma.", verplicht=True),
    Kolom("wanneer", "planning", TEKST, "Bijvoorbeeld: elke dinsdag 14–16 u."),
    Kolom("toegankelijkheid", "toegankelijkheid", LIJST, "Nul of meer, met komma's."),
    Kolom("prijs", "prijs", KEUZES, "Eén of meer, gescheiden door een komma.", verplicht=True),
    Kolom("bedrag", "bedrag", BEDRAG, "In euro, bijvoorbeeld 4,50. Nodig als het betalend is."),
    Kolom("prijs toelichting", "prijs_toelichting", TEKST, "Bijvoorbeeld: met UiTPAS 1 euro."),
    Kolom("hoe inschrijven", "inschrijving", KEUZES, "Eén of meer, met komma's.", verplicht=True),
    Kolom("telefoon", "inschrijving_telefoon", TELEFOON, "Bijvoorbeeld 09 123 45 67."),
    Kolom("e-mail", "inschrijving_email", TEKST, "E-mail om in te schrijven."),
    Kolom("link", "inschrijving_link", TEKST, "Link om in te schrijven (https://...)."),
    Kolom("contactpersoon", "contactpersoon", TEKST, "Naam van wie je kan contacteren."),
    Kolom("einddatum", "einddatum", DATUM, "Dag/maand/jaar, bijvoorbeeld 31/12/2027, of leeg."),
)
KOPPEN = [k.kop for k in KOLOMMEN]
PER_KOP = {k.kop: k for k in KOLOMMEN}
PER_VELD = {k.veld: k for k in KOLOMMEN if k.veld}
VERPLICHTE_KOPPEN = {"titel", "in het kort"}


def kop_sleutel(kop):
    """Headers match whatever the case, spaces or apostrophes: "Thema's" = "themas"."""
    return re.sub(r"[^a-z0-9]", "", str(kop or "").lower())


PER_SLEUTEL = {kop_sleutel(k.kop): k for k in KOLOMMEN}


class Ongeldig(Exception):
    """A cell's value cannot be read; the message is for the person who filled it in."""


def ontsmet(cel):
    """One cell as text, without formulas. A leading apostrophe (our own neutralising in the
    template) is dropped: the text after it was meant as text."""
    tekst = str(cel).strip() if cel is not None else ""
    if tekst.startswith("'") and tekst[1:2] in FORMULE_TEKENS:
        return tekst[1:], True
    return tekst, False


def lees_cel(kolom, tekst, als_tekst, vocab):
    """The field value of one cell (already ontsmet); raises Ongeldig with a Dutch reason."""
    # A signed number or an international phone number is no formula.
    getal = kolom.soort in (GETAL, BEDRAG, TELEFOON) and tekst[:1] in ("+", "-")
    if tekst[:1] in FORMULE_TEKENS and not als_tekst and not getal:
        raise Ongeldig(FORMULE)
    if kolom.soort in (TEKST, TELEFOON):
        return tekst
    if not tekst:
        return [] if kolom.soort in (LIJST, KEUZES) else (False if kolom.soort == JA_NEE else None)
    if kolom.soort == GETAL:
        if not re.fullmatch(r"[+-]?\d+(?:[.,]0+)?", tekst):
            raise Ongeldig(f"“{tekst}” is geen geheel getal.")
        return int(re.split(r"[.,]", tekst)[0])
    if kolom.soort == BEDRAG:
        try:
            return Decimal(tekst.replace("€", "").replace(" ", "").replace(",", ".")).quantize(
                Decimal("0.01")
            )
        except InvalidOperation:
            raise Ongeldig(f"“{tekst}” is geen bedrag. Schrijf bijvoorbeeld 4,50.") from None
    if kolom.soort == JA_NEE:
        waarde = tekst.lower()
        if waarde in ("ja", "j", "1", "waar", "true", "x"):
            return True
        if waarde in ("nee", "n", "0", "onwaar", "false"):
            return False
        raise Ongeldig(f"“{tekst}”: vul ja of nee in.")
    if kolom.soort == DATUM:
        return lees_datum(tekst)
    return lees_keuzes(kolom, tekst, vocab[kolom.veld])


def lees_datum(tekst):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?: 00:00:00)?", tekst):
        tekst = tekst[:10]
        jaar, maand, dag = tekst.split("-")
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", tekst):
        dag, maand, jaar = m.groups()
    else:
        raise Ongeldig(f"“{tekst}” is geen datum. Schrijf dag/maand/jaar, bv. 31/12/2027.")
    try:
        return datetime.date(int(jaar), int(maand), int(dag))
    except ValueError:
        raise Ongeldig(f"“{tekst}” bestaat niet als datum.") from None


def lees_keuzes(kolom, tekst, keuzes):
    """Slugs for the values in one cell; each value by its label or its slug."""
    per_naam = {}
    for slug, label in keuzes.items():
        per_naam[slug.lower()] = slug
        per_naam[label.lower()] = slug
    gevonden, onbekend = [], []
    for deel in filter(None, SCHEIDING.split(tekst)):
        slug = per_naam.get(deel.lower())
        if slug is None:
            onbekend.append(deel)
        elif slug not in gevonden:
            gevonden.append(slug)
    if onbekend:
        raise Ongeldig(
            f"Onbekende waarde: {', '.join(map(repr, onbekend))}. "
            f"Kies uit: {', '.join(keuzes.values())}."
        )
    return gevonden


def tekst_naar_html(tekst):
    """Plain text paragraphs (blank line between) as the rich text the editor stores."""
    alineas = [a.strip() for a in re.split(r"\n\s*\n", tekst or "") if a.strip()]
    return "".join(f"<p>{escape(a).replace(chr(10), '<br/>')}</p>" for a in alineas)


def html_naar_tekst(html):
    """Rich text as the plain text the spreadsheet shows (and compares with)."""
    tekst = re.sub(r"<br\s*/?>", "\n", html or "")
    tekst = re.sub(r"</(p|h2|h3|li)>", "\n\n", tekst)
    tekst = unescape(re.sub(r"<[^>]+>", "", tekst))
    return re.sub(r"\n{3,}", "\n\n", tekst).strip()


def als_cel(kolom, waarde, vocab):
    """A field value as the text of its cell (template, export, and the dry run's "was")."""
    if kolom.soort in (LIJST, KEUZES):
        namen = vocab[kolom.veld]
        return ", ".join(str(namen.get(slug, slug)) for slug in waarde or [])
    if kolom.soort == JA_NEE:
        return "ja" if waarde else "nee"
    if kolom.soort == DATUM:
        return waarde.strftime("%d/%m/%Y") if waarde else ""
    if kolom.soort == BEDRAG:
        return f"{waarde:.2f}".replace(".", ",") if waarde is not None else ""
    if kolom.veld == "beschrijving":
        return html_naar_tekst(waarde)
    return "" if waarde is None else str(waarde)


def veilig(tekst):
    """A cell we write, neutralised: a spreadsheet never runs it as a formula."""
    tekst = "" if tekst is None else str(tekst)
    return "'" + tekst if tekst[:1] in FORMULE_TEKENS else tekst


def woordenlijsten():
    """{field: {slug: label}} for every list and choice column, read once per import."""
    return {k.veld: k.keuzes() for k in KOLOMMEN if k.soort in (LIJST, KEUZES)}


def veld_fouten(error: ValidationError):
    """{column header: [messages]} from a model ValidationError."""
    result = {}
    for veld, berichten in error.message_dict.items():
        kolom = PER_VELD.get(veld)
        result.setdefault(kolom.kop if kolom else "", []).extend(berichten)
    return result
