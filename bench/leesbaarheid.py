# ruff: noqa: T201  (a command-line benchmark: it prints)
"""The writing help's verdicts on five real texts about Ghent prevention offers.

    .venv/bin/python bench/leesbaarheid.py [--seeds ../shared/seeds] [--tips]

Three offer descriptions from the demo data (aanbod/data/demo.json, written like partners write
them) and two passages of the city's own prose (the Gezondheidsgidsen web page and the health
policy note, from the seed documents in shared/seeds/ beside the checkout). Two reference rows:
the sentence from issue 12 and a plain rewrite. Uses the officialese list the migration seeds
(no database needed). Prints one table; --tips also prints the hints per sentence.
"""

import argparse
import importlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_AANBOD = (
    "Samen bewegen in het park",
    "Rookstopgroep in de wijk",
    "G-sport: sporten met een beperking",
)
# (seed file prefix, first words, last words) of a passage of the city's prose.
PASSAGES = (
    ("003_", "Stad en OCMW Gent werken", "beter de weg vindt naar hulp."),
    ("000_", "Om gezond gedrag te bevorderen", "“jong geleerd, is oud gedaan”."),
)
REFERENTIES = (
    (
        "issue 12 (referentie)",
        "Teneinde de fysieke en psychosociale gezondheid van buurtbewoners te bevorderen, "
        "organiseren wij laagdrempelige wandelactiviteiten.",
    ),
    (
        "eenvoudig (referentie)",
        "Wandel mee met de buurt. We wandelen elke dinsdag een uur. Je hoeft niets te betalen.",
    ),
)


def demo_teksten():
    data = json.loads((ROOT / "aanbod" / "data" / "demo.json").read_text(encoding="utf-8"))
    aanbod = {a["titel"]: a for org in data["organisaties"] for a in org["aanbod"]}
    for titel in DEMO_AANBOD:
        a = aanbod[titel]
        html = "".join(f"<p>{alinea}</p>" for alinea in a["beschrijving"])
        yield f"demo: {titel}", [("kort", "In het kort", a["in_het_kort"], False),
                                 ("beschrijving", "Beschrijving", html, True)]  # fmt: skip


def passage(seeds, prefix, begin, einde):
    bestand = next(seeds.glob(prefix + "*.txt"))
    # PDF text: lines broken mid-sentence, blank lines between them; join into one paragraph.
    tekst = " ".join(bestand.read_text(encoding="utf-8").split())
    start = tekst.index(begin)
    stuk = tekst[start : tekst.index(einde, start) + len(einde)]
    return re.sub(r"\s+", " ", stuk)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--tips", action="store_true", help="print the hints per sentence")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from schrijfhulp.leesbaarheid import lees
    from schrijfhulp.woorden import Ambtelijk

    seed = importlib.import_module("schrijfhulp.migrations.0002_ambtelijke_woorden_laden")
    lijst = [Ambtelijk(woord, zeg_liever) for woord, zeg_liever in seed.WOORDEN.items()]

    rijen = list(demo_teksten())
    if args.seeds.is_dir():
        namen = ("stad: Gezondheidsgidsen (webpagina)", "stad: beleidsnota, preventieaanbod")
        for naam, (prefix, begin, einde) in zip(namen, PASSAGES, strict=True):
            rijen.append(
                (naam, [("tekst", "Tekst", passage(args.seeds, prefix, begin, einde), False)])
            )
    else:
        print(f"(geen {args.seeds}: alleen de demoteksten)")
    rijen += [(naam, [("tekst", "Tekst", tekst, False)]) for naam, tekst in REFERENTIES]

    kop = (
        "tekst",
        "woorden",
        "woorden/zin",
        "lange w.",
        "moeilijke w.",
        "ambtelijk",
        "Flesch-Douma",
        "oordeel",
    )
    tabel = []
    for naam, teksten in rijen:
        lezing = lees(teksten, lijst)
        tabel.append((
            naam, lezing.woorden, lezing.woorden_per_zin, lezing.lange_woorden,
            lezing.verschillende_moeilijke_woorden, lezing.ambtelijke_woorden,
            lezing.flesch_douma, lezing.oordeel,
        ))  # fmt: skip
        if args.tips:
            print(f"\n{naam}: {lezing.oordeel}. {lezing.uitleg}")
            for zin in lezing.zinnen:
                for hint in zin.hints:
                    print(f"  - {hint}  [{zin.tekst[:50]}…]")
    breedtes = [max(len(str(r[i])) for r in (kop, *tabel)) for i in range(len(kop))]
    print()
    print(" | ".join(str(k).ljust(b) for k, b in zip(kop, breedtes, strict=True)))
    print("-+-".join("-" * b for b in breedtes))
    for rij in tabel:
        print(" | ".join(str(v).ljust(b) for v, b in zip(rij, breedtes, strict=True)))
    print(
        "\nlange w. = 13+ letters of 5+ lettergrepen; moeilijke w. = verschillende woorden buiten "
        "de 29.000 meest gebruikte (ook geen samenstelling); ambtelijk = treffers uit de lijst"
    )


if __name__ == "__main__":
    main()
