"""Seed values for the editable vocabularies, loaded by a data migration.

Kept as plain data so the migration, the demo command and the tests share one list.
Slugs are stable identifiers (used in URLs and the search index); labels may be edited.
"""

# The 25 official Ghent districts, spelled as the city spells them.
WIJKEN = [
    ("binnenstad", "Binnenstad"),
    ("bloemekenswijk", "Bloemekenswijk"),
    ("brugse-poort-rooigem", "Brugse Poort - Rooigem"),
    ("dampoort", "Dampoort"),
    ("drongen", "Drongen"),
    (
        "elisabethbegijnhof-prinsenhof-papegaai-sint-michiels",
        "Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels",
    ),
    ("gentbrugge", "Gentbrugge"),
    ("gentse-kanaaldorpen-en-zone", "Gentse Kanaaldorpen en -zone"),
    ("ledeberg", "Ledeberg"),
    ("macharius-heirnis", "Macharius - Heirnis"),
    ("mariakerke", "Mariakerke"),
    ("moscou-vogelhoek", "Moscou - Vogelhoek"),
    ("muide-meulestede-afrikalaan", "Muide - Meulestede - Afrikalaan"),
    ("nieuw-gent-uz", "Nieuw Gent - UZ"),
    ("oostakker", "Oostakker"),
    ("oud-gentbrugge", "Oud Gentbrugge"),
    ("rabot-blaisantvest", "Rabot - Blaisantvest"),
    ("sint-amandsberg", "Sint-Amandsberg"),
    ("sint-denijs-westrem-afsnee", "Sint-Denijs-Westrem - Afsnee"),
    ("sluizeken-tolhuis-ham", "Sluizeken - Tolhuis - Ham"),
    ("stationsbuurt-noord", "Stationsbuurt-Noord"),
    ("stationsbuurt-zuid", "Stationsbuurt-Zuid"),
    ("watersportbaan-ekkergem", "Watersportbaan - Ekkergem"),
    ("wondelgem", "Wondelgem"),
    ("zwijnaarde", "Zwijnaarde"),
]

# (slug, label, short plain-language explanation)
THEMAS = [
    ("beweging", "Beweging", "Meer bewegen, sporten, wandelen of fietsen."),
    ("gezonde-voeding", "Gezonde voeding", "Gezond en betaalbaar eten en koken."),
    ("mondzorg", "Mondzorg", "Gezonde tanden en mond, poetsen, de tandarts."),
    (
        "mentaal-welbevinden",
        "Mentaal welbevinden",
        "Je goed voelen: stress, piekeren, slapen, veerkracht.",
    ),
    ("rookstop-en-tabak", "Rookstop en tabak", "Stoppen met roken of minder roken."),
    ("alcohol-en-drugs", "Alcohol en drugs", "Minder drinken, drugs, hulp bij gebruik."),
    ("gokken-en-gamen", "Gokken en gamen", "Te veel gokken of gamen."),
    ("seksuele-gezondheid", "Seksuele gezondheid", "Relaties, seks, anticonceptie, soa's."),
    ("valpreventie", "Valpreventie", "Vallen voorkomen, vooral bij ouderen."),
    (
        "eenzaamheid-en-sociaal-contact",
        "Eenzaamheid en sociaal contact",
        "Mensen ontmoeten, minder alleen zijn.",
    ),
    ("mantelzorg", "Mantelzorg", "Zorgen voor iemand die ziek is of hulp nodig heeft."),
    (
        "wegwijs-in-de-zorg",
        "Wegwijs in de zorg",
        "De weg vinden naar de dokter, het ziekenfonds en andere hulp.",
    ),
    ("vaccinatie", "Vaccinatie", "Inentingen voor kinderen en volwassenen."),
    ("kankeropsporing", "Kankeropsporing", "Onderzoeken om kanker vroeg te vinden."),
    ("gezondheid-en-milieu", "Gezondheid en milieu", "Gezonde lucht, een gezonde woning."),
    (
        "zwangerschap-en-jonge-kinderen",
        "Zwangerschap en jonge kinderen",
        "Zwanger zijn, baby's en kleine kinderen.",
    ),
]

DOELGROEPEN = [
    ("kinderen", "Kinderen"),
    ("jongeren", "Jongeren"),
    ("studenten", "Studenten"),
    ("ouders-en-gezinnen", "Ouders en gezinnen"),
    ("zwangeren", "Zwangeren"),
    ("volwassenen", "Volwassenen"),
    ("senioren", "Senioren"),
    ("mensen-in-armoede", "Mensen in armoede"),
    ("anderstaligen-en-nieuwkomers", "Anderstaligen en nieuwkomers"),
    ("vluchtelingen", "Vluchtelingen"),
    ("lgbtqia", "LGBTQIA+"),
    ("mensen-met-een-beperking", "Mensen met een beperking"),
    ("chronisch-zieken", "Chronisch zieken"),
    ("mantelzorgers", "Mantelzorgers"),
    ("dak-en-thuislozen", "Dak- en thuislozen"),
    ("mensen-zonder-wettig-verblijf", "Mensen zonder wettig verblijf"),
    ("sekswerkers", "Sekswerkers"),
    ("mensen-die-drugs-gebruiken", "Mensen die drugs gebruiken"),
    ("hulpverleners", "Hulpverleners"),
]

# ISO 639 codes (639-3 where 639-1 has none) with Dutch labels.
TALEN = [
    ("nl", "Nederlands"),
    ("fr", "Frans"),
    ("en", "Engels"),
    ("de", "Duits"),
    ("ar", "Arabisch"),
    ("tr", "Turks"),
    ("bg", "Bulgaars"),
    ("sk", "Slovaaks"),
    ("ro", "Roemeens"),
    ("pl", "Pools"),
    ("ru", "Russisch"),
    ("uk", "Oekraïens"),
    ("es", "Spaans"),
    ("pt", "Portugees"),
    ("it", "Italiaans"),
    ("fa", "Perzisch (Farsi)"),
    ("prs", "Dari"),
    ("ps", "Pasjtoe"),
    ("ti", "Tigrinya"),
    ("so", "Somalisch"),
    ("ku", "Koerdisch"),
    ("am", "Amhaars"),
    ("sq", "Albanees"),
    ("vgt", "Vlaamse Gebarentaal"),
]

# (group, slug, label): grouped by the five B's of the eerstelijnszone Gent.
# Betaalbaar is covered by the price categories of an offer.
TOEGANKELIJKHEID = [
    ("begrijpbaar", "heldere-taal", "Heldere taal"),
    ("begrijpbaar", "tolk-mogelijk", "Tolk mogelijk"),
    ("begrijpbaar", "pictogrammen", "Met pictogrammen"),
    ("begrijpbaar", "gebarentaaltolk", "Gebarentaaltolk"),
    ("beschikbaar", "zonder-afspraak", "Zonder afspraak"),
    ("beschikbaar", "s-avonds", "'s Avonds"),
    ("beschikbaar", "in-het-weekend", "In het weekend"),
    ("beschikbaar", "telefonisch-of-online", "Telefonisch of online"),
    ("bruikbaar", "kinderopvang", "Kinderopvang"),
    ("bruikbaar", "geen-digitale-vaardigheden-nodig", "Geen computer of smartphone nodig"),
    ("bruikbaar", "anoniem-mogelijk", "Anoniem mogelijk"),
    ("bruikbaar", "geen-verblijfsdocumenten-nodig", "Geen verblijfspapieren nodig"),
    ("bruikbaar", "gezondheidsgids-kan-mee", "Een gezondheidsgids kan mee"),
    ("bereikbaar", "rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ("bereikbaar", "aangepast-toilet", "Aangepast toilet"),
    ("bereikbaar", "ringleiding", "Ringleiding"),
    ("bereikbaar", "vlakbij-tram-of-bus", "Vlakbij tram of bus"),
    ("bereikbaar", "aan-huis", "Aan huis"),
]
