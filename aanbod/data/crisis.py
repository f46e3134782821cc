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

# Crisis words in the site's other languages, added to the seeded lines (by name); matching
# ignores case and accents, as for the Dutch words.
ZELFMOORD_ANDERE_TALEN = (
    "suicidaire, me suicider, envie de mourir, automutilation, "
    "self-harm, suicidal, kill myself, want to die, "
    "انتحار, الانتحار, إيذاء النفس, "
    "intihar, intihar etmek, kendine zarar verme"
)
GEWELD_ANDERE_TALEN = (
    "violence, violence conjugale, violence domestique, maltraitance, abus sexuel, viol, "
    "domestic violence, abuse, sexual abuse, child abuse, rape, "
    "عنف, العنف, عنف أسري, اعتداء, اغتصاب, "
    "şiddet, aile içi şiddet, istismar, cinsel istismar, tecavüz"
)

# naam -> ({language: name}, {language: explanation}); short, calm, B1.
HULPLIJNEN_VERTAALD = {
    "Zelfmoordlijn": (
        {
            "fr": "Ligne de prévention du suicide",
            "en": "Suicide prevention line",
            "ar": "خط الوقاية من الانتحار",
            "tr": "İntihar önleme hattı",
        },
        {
            "fr": "Vous pensez au suicide, ou vous vous inquiétez pour quelqu'un ? Parlez à "
            "quelqu'un, gratuitement et anonymement, jour et nuit (en néerlandais).",
            "en": "Are you thinking about suicide, or worried about someone? Talk to someone, "
            "free and anonymous, day and night (in Dutch).",
            "ar": "هل تفكر في الانتحار، أو تقلق على شخص ما؟ تحدث مع شخص ما مجانًا ودون ذكر "
            "اسمك، ليلًا ونهارًا (باللغة الهولندية).",
            "tr": "İntiharı mı düşünüyorsunuz, ya da biri için endişeli misiniz? Gece gündüz, "
            "ücretsiz ve isimsiz konuşun (Felemenkçe).",
        },
    ),
    "Tele-Onthaal": (
        {},
        {
            "fr": "Vous voulez parler de ce qui vous pèse ? Appelez gratuitement et anonymement, "
            "jour et nuit (en néerlandais).",
            "en": "Do you want to talk about what is bothering you? Call free and anonymous, "
            "day and night (in Dutch).",
            "ar": "هل تريد التحدث عما يزعجك؟ اتصل مجانًا ودون ذكر اسمك، ليلًا ونهارًا "
            "(باللغة الهولندية).",
            "tr": "Sizi rahatsız eden şey hakkında konuşmak mı istiyorsunuz? Gece gündüz, "
            "ücretsiz ve isimsiz arayın (Felemenkçe).",
        },
    ),
    "1712": (
        {},
        {
            "fr": "Pour les questions sur la violence, les abus et la maltraitance des enfants. "
            "Gratuit et anonyme.",
            "en": "For questions about violence, abuse and child abuse. Free and anonymous.",
            "ar": "للأسئلة عن العنف والإساءة وسوء معاملة الأطفال. مجاني ودون ذكر اسمك.",
            "tr": "Şiddet, istismar ve çocuk istismarı ile ilgili sorular için. Ücretsiz ve "
            "isimsiz.",
        },
    ),
    "Noodnummer": (
        {
            "fr": "Numéro d'urgence",
            "en": "Emergency number",
            "ar": "رقم الطوارئ",
            "tr": "Acil durum numarası",
        },
        {
            "fr": "Y a-t-il un danger maintenant ? Appelez le 112.",
            "en": "Is there danger right now? Call 112.",
            "ar": "هل هناك خطر الآن؟ اتصل بالرقم 112.",
            "tr": "Şu anda tehlike var mı? 112'yi arayın.",
        },
    ),
}
