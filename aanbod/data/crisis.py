"""Seed help lines and their crisis words; coordinators edit them in the admin (Lijsten)."""

ZELFMOORD = (
    "zelfmoord, suïcide, suicide, suïcidaal, zelfdoding, zelfmoordgedachten, dood willen, "
    "wil dood, niet meer leven, levensmoe, zelfbeschadiging"
)
GEWELD = (
    "geweld, huiselijk geweld, partnergeweld, intrafamiliaal geweld, mishandeling, mishandeld, "
    "kindermishandeling, seksueel misbruik, kindermisbruik, verkrachting, verkracht, aanranding"
)

# (naam, nummer, tekst, link, woorden, volgorde)
HULPLIJNEN = [
    (
        "Zelfmoordlijn",
        "1813",
        "Denk je aan zelfmoord, of maak je je zorgen over iemand? "
        "Praat anoniem en gratis met iemand, dag en nacht.",
        "https://www.zelfmoord1813.be",
        ZELFMOORD,
        10,
    ),
    (
        "Tele-Onthaal",
        "106",
        "Wil je praten over wat je dwarszit? Bel anoniem en gratis, dag en nacht.",
        "https://www.tele-onthaal.be",
        f"{ZELFMOORD}, {GEWELD}",
        20,
    ),
    (
        "1712",
        "1712",
        "Voor vragen over geweld, misbruik en kindermishandeling. Gratis en anoniem.",
        "https://www.1712.be",
        GEWELD,
        30,
    ),
    (
        "Noodnummer",
        "112",
        "Is er nu gevaar? Bel 112.",
        "",
        "",  # shown with every crisis word
        40,
    ),
]
