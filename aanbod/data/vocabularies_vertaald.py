"""The seeded vocabularies' labels in the public site's other languages (fr, en, ar, tr).

Loaded by a data migration into label_fr, label_en, ... (and uitleg_* for themes). Wijken keep
their Dutch names: they are place names. Coordinators correct these in the admin like the Dutch
labels; native speakers still need to check them (see README).
"""

# slug -> (fr, en, ar, tr)
THEMAS = {
    "beweging": ("Bouger", "Exercise", "الحركة والرياضة", "Hareket"),
    "gezonde-voeding": ("Alimentation saine", "Healthy food", "التغذية الصحية",
                        "Sağlıklı beslenme"),
    "mondzorg": ("Soins dentaires", "Dental care", "صحة الفم والأسنان", "Ağız ve diş sağlığı"),
    "mentaal-welbevinden": (
        "Bien-être mental", "Mental well-being", "الصحة النفسية", "Ruh sağlığı",
    ),
    "rookstop-en-tabak": (
        "Arrêter de fumer", "Quit smoking", "الإقلاع عن التدخين", "Sigarayı bırakma",
    ),
    "alcohol-en-drugs": ("Alcool et drogues", "Alcohol and drugs", "الكحول والمخدرات",
                         "Alkol ve uyuşturucu"),
    "gokken-en-gamen": ("Jeux d'argent et jeux vidéo", "Gambling and gaming",
                        "القمار والألعاب الإلكترونية", "Kumar ve oyun"),
    "seksuele-gezondheid": ("Santé sexuelle", "Sexual health", "الصحة الجنسية", "Cinsel sağlık"),
    "valpreventie": ("Prévention des chutes", "Fall prevention", "الوقاية من السقوط",
                     "Düşmeleri önleme"),
    "eenzaamheid-en-sociaal-contact": (
        "Solitude et contacts sociaux", "Loneliness and social contact",
        "الوحدة والتواصل الاجتماعي", "Yalnızlık ve sosyal ilişkiler",
    ),
    "mantelzorg": ("Aidants proches", "Informal care", "رعاية الأقارب", "Aile içi bakım"),
    "wegwijs-in-de-zorg": (
        "S'orienter dans les soins", "Finding your way in care",
        "التعرّف على نظام الرعاية الصحية", "Sağlık sisteminde yol bulma",
    ),
    "vaccinatie": ("Vaccination", "Vaccination", "التطعيم", "Aşı"),
    "kankeropsporing": ("Dépistage du cancer", "Cancer screening", "الكشف المبكر عن السرطان",
                        "Kanser taraması"),
    "gezondheid-en-milieu": ("Santé et environnement", "Health and environment",
                             "الصحة والبيئة", "Sağlık ve çevre"),
    "zwangerschap-en-jonge-kinderen": (
        "Grossesse et jeunes enfants", "Pregnancy and young children",
        "الحمل والأطفال الصغار", "Hamilelik ve küçük çocuklar",
    ),
}  # fmt: skip

# slug -> (fr, en, ar, tr): the theme's one-sentence explanation.
THEMA_UITLEG = {
    "beweging": (
        "Bouger plus, faire du sport, marcher ou faire du vélo.",
        "Move more, do sports, walk or cycle.",
        "تحرّك أكثر، مارس الرياضة، امشِ أو اركب الدراجة.",
        "Daha çok hareket, spor, yürüyüş veya bisiklet.",
    ),
    "gezonde-voeding": (
        "Manger et cuisiner sain et pas cher.",
        "Eat and cook healthy food that does not cost much.",
        "أكل وطبخ صحي وبسعر مناسب.",
        "Sağlıklı ve ucuz yemek yapmak ve yemek.",
    ),
    "mondzorg": (
        "Des dents et une bouche en bonne santé, le brossage, le dentiste.",
        "Healthy teeth and mouth, brushing, the dentist.",
        "أسنان وفم بصحة جيدة، تنظيف الأسنان، طبيب الأسنان.",
        "Sağlıklı dişler ve ağız, diş fırçalama, diş hekimi.",
    ),
    "mentaal-welbevinden": (
        "Se sentir bien : stress, soucis, sommeil, résilience.",
        "Feeling good: stress, worrying, sleep, resilience.",
        "أن تشعر بالراحة: التوتر، القلق، النوم، القدرة على التحمّل.",
        "Kendini iyi hissetmek: stres, kaygı, uyku, dayanıklılık.",
    ),
    "rookstop-en-tabak": (
        "Arrêter de fumer ou fumer moins.",
        "Stop smoking or smoke less.",
        "التوقف عن التدخين أو التقليل منه.",
        "Sigarayı bırakmak veya azaltmak.",
    ),
    "alcohol-en-drugs": (
        "Boire moins, les drogues, de l'aide pour la consommation.",
        "Drink less, drugs, help with use.",
        "شرب أقل، المخدرات، مساعدة في التعاطي.",
        "Daha az içmek, uyuşturucu, kullanım için yardım.",
    ),
    "gokken-en-gamen": (
        "Trop jouer aux jeux d'argent ou aux jeux vidéo.",
        "Too much gambling or gaming.",
        "الإفراط في القمار أو الألعاب الإلكترونية.",
        "Çok fazla kumar veya oyun oynamak.",
    ),
    "seksuele-gezondheid": (
        "Relations, sexualité, contraception, IST.",
        "Relationships, sex, contraception, STIs.",
        "العلاقات، الجنس، منع الحمل، الأمراض المنقولة جنسيًا.",
        "İlişkiler, cinsellik, doğum kontrolü, cinsel yolla bulaşan hastalıklar.",
    ),
    "valpreventie": (
        "Éviter les chutes, surtout chez les personnes âgées.",
        "Prevent falls, especially in older people.",
        "الوقاية من السقوط، خاصة عند كبار السن.",
        "Düşmeleri önlemek, özellikle yaşlılarda.",
    ),
    "eenzaamheid-en-sociaal-contact": (
        "Rencontrer des gens, être moins seul.",
        "Meet people, be less alone.",
        "التعرّف على أشخاص، والشعور بوحدة أقل.",
        "İnsanlarla tanışmak, daha az yalnız olmak.",
    ),
    "mantelzorg": (
        "S'occuper de quelqu'un qui est malade ou qui a besoin d'aide.",
        "Caring for someone who is ill or needs help.",
        "رعاية شخص مريض أو يحتاج إلى مساعدة.",
        "Hasta olan veya yardıma ihtiyacı olan birine bakmak.",
    ),
    "wegwijs-in-de-zorg": (
        "Trouver le chemin vers le médecin, la mutualité et d'autres aides.",
        "Find your way to the doctor, health insurance and other help.",
        "الوصول إلى الطبيب وصندوق التأمين الصحي ومساعدات أخرى.",
        "Doktora, sağlık sigortasına ve diğer yardımlara ulaşmak.",
    ),
    "vaccinatie": (
        "Vaccins pour les enfants et les adultes.",
        "Vaccines for children and adults.",
        "التطعيمات للأطفال والبالغين.",
        "Çocuklar ve yetişkinler için aşılar.",
    ),
    "kankeropsporing": (
        "Des examens pour trouver le cancer tôt.",
        "Tests to find cancer early.",
        "فحوصات لاكتشاف السرطان مبكرًا.",
        "Kanseri erken bulmak için testler.",
    ),
    "gezondheid-en-milieu": (
        "Un air sain, un logement sain.",
        "Healthy air, a healthy home.",
        "هواء صحي ومسكن صحي.",
        "Temiz hava, sağlıklı bir ev.",
    ),
    "zwangerschap-en-jonge-kinderen": (
        "Être enceinte, les bébés et les petits enfants.",
        "Being pregnant, babies and small children.",
        "الحمل والرضّع والأطفال الصغار.",
        "Hamilelik, bebekler ve küçük çocuklar.",
    ),
}

DOELGROEPEN = {
    "kinderen": ("Enfants", "Children", "الأطفال", "Çocuklar"),
    "jongeren": ("Jeunes", "Young people", "الشباب", "Gençler"),
    "studenten": ("Étudiants", "Students", "الطلاب", "Öğrenciler"),
    "ouders-en-gezinnen": ("Parents et familles", "Parents and families", "الآباء والعائلات",
                           "Ebeveynler ve aileler"),
    "zwangeren": ("Femmes enceintes", "Pregnant women", "الحوامل", "Hamileler"),
    "volwassenen": ("Adultes", "Adults", "البالغون", "Yetişkinler"),
    "senioren": ("Seniors", "Older people", "كبار السن", "Yaşlılar"),
    "mensen-in-armoede": ("Personnes en situation de pauvreté", "People in poverty",
                          "الأشخاص الذين يعيشون في فقر", "Yoksulluk içindeki kişiler"),
    "anderstaligen-en-nieuwkomers": (
        "Allophones et primo-arrivants", "Speakers of other languages and newcomers",
        "المتحدثون بلغات أخرى والقادمون الجدد", "Farklı dil konuşanlar ve yeni gelenler",
    ),
    "vluchtelingen": ("Réfugiés", "Refugees", "اللاجئون", "Mülteciler"),
    "lgbtqia": ("LGBTQIA+", "LGBTQIA+", "LGBTQIA+", "LGBTQIA+"),
    "mensen-met-een-beperking": ("Personnes handicapées", "People with a disability",
                                 "الأشخاص ذوو الإعاقة", "Engelli kişiler"),
    "chronisch-zieken": ("Malades chroniques", "People with a chronic illness",
                         "المصابون بأمراض مزمنة", "Kronik hastalar"),
    "mantelzorgers": ("Aidants proches", "Informal carers", "مقدّمو الرعاية من الأقارب",
                      "Aile içi bakım verenler"),
    "dak-en-thuislozen": ("Sans-abri", "Homeless people", "المشرّدون", "Evsizler"),
    "mensen-zonder-wettig-verblijf": (
        "Personnes sans titre de séjour", "People without legal residence",
        "الأشخاص بدون إقامة قانونية", "Yasal oturumu olmayan kişiler",
    ),
    "sekswerkers": ("Travailleurs du sexe", "Sex workers", "العاملون في الجنس", "Seks işçileri"),
    "mensen-die-drugs-gebruiken": ("Personnes qui consomment des drogues", "People who use drugs",
                                   "الأشخاص الذين يتعاطون المخدرات",
                                   "Uyuşturucu kullanan kişiler"),
    "hulpverleners": ("Professionnels de l'aide", "Care workers", "العاملون في مجال المساعدة",
                      "Yardım çalışanları"),
}  # fmt: skip

# Names of languages in each language (a French reader looks for "Arabe").
TALEN = {
    "nl": ("Néerlandais", "Dutch", "الهولندية", "Felemenkçe"),
    "fr": ("Français", "French", "الفرنسية", "Fransızca"),
    "en": ("Anglais", "English", "الإنجليزية", "İngilizce"),
    "de": ("Allemand", "German", "الألمانية", "Almanca"),
    "ar": ("Arabe", "Arabic", "العربية", "Arapça"),
    "tr": ("Turc", "Turkish", "التركية", "Türkçe"),
    "bg": ("Bulgare", "Bulgarian", "البلغارية", "Bulgarca"),
    "sk": ("Slovaque", "Slovak", "السلوفاكية", "Slovakça"),
    "ro": ("Roumain", "Romanian", "الرومانية", "Rumence"),
    "pl": ("Polonais", "Polish", "البولندية", "Lehçe"),
    "ru": ("Russe", "Russian", "الروسية", "Rusça"),
    "uk": ("Ukrainien", "Ukrainian", "الأوكرانية", "Ukraynaca"),
    "es": ("Espagnol", "Spanish", "الإسبانية", "İspanyolca"),
    "pt": ("Portugais", "Portuguese", "البرتغالية", "Portekizce"),
    "it": ("Italien", "Italian", "الإيطالية", "İtalyanca"),
    "fa": ("Persan (farsi)", "Persian (Farsi)", "الفارسية", "Farsça"),
    "prs": ("Dari", "Dari", "الدارية", "Darice"),
    "ps": ("Pachto", "Pashto", "البشتوية", "Peştuca"),
    "ti": ("Tigrigna", "Tigrinya", "التغرينية", "Tigrinya dili"),
    "so": ("Somali", "Somali", "الصومالية", "Somalice"),
    "ku": ("Kurde", "Kurdish", "الكردية", "Kürtçe"),
    "am": ("Amharique", "Amharic", "الأمهرية", "Amharca"),
    "sq": ("Albanais", "Albanian", "الألبانية", "Arnavutça"),
    "vgt": ("Langue des signes flamande", "Flemish Sign Language", "لغة الإشارة الفلمنكية",
            "Flaman İşaret Dili"),
}  # fmt: skip

TOEGANKELIJKHEID = {
    "heldere-taal": ("Langage clair", "Plain language", "لغة واضحة", "Anlaşılır dil"),
    "tolk-mogelijk": ("Interprète possible", "Interpreter available", "يمكن توفير مترجم",
                      "Tercüman mümkün"),
    "pictogrammen": ("Avec pictogrammes", "With pictograms", "مع رسوم توضيحية",
                     "Resimli anlatım"),
    "gebarentaaltolk": ("Interprète en langue des signes", "Sign language interpreter",
                        "مترجم لغة الإشارة", "İşaret dili tercümanı"),
    "s-avonds": ("Le soir", "In the evening", "في المساء", "Akşamları"),
    "in-het-weekend": ("Le week-end", "At the weekend", "في عطلة نهاية الأسبوع",
                       "Hafta sonu"),
    "telefonisch-of-online": ("Par téléphone ou en ligne", "By phone or online",
                              "بالهاتف أو عبر الإنترنت", "Telefonla veya çevrimiçi"),
    "kinderopvang": ("Garde d'enfants", "Childcare", "رعاية الأطفال", "Çocuk bakımı"),
    "geen-digitale-vaardigheden-nodig": (
        "Pas besoin d'ordinateur ni de smartphone", "No computer or smartphone needed",
        "لا حاجة إلى حاسوب أو هاتف ذكي", "Bilgisayar veya akıllı telefon gerekmez",
    ),
    "anoniem-mogelijk": ("Anonymat possible", "Can be anonymous", "يمكن دون ذكر الاسم",
                         "Anonim olabilir"),
    "geen-verblijfsdocumenten-nodig": (
        "Pas besoin de titre de séjour", "No residence papers needed",
        "لا حاجة إلى وثائق الإقامة", "Oturum belgesi gerekmez",
    ),
    "gezondheidsgids-kan-mee": (
        "Un guide santé peut vous accompagner", "A health guide can come along",
        "يمكن أن يرافقك مرشد صحي", "Bir sağlık rehberi size eşlik edebilir",
    ),
    "rolstoeltoegankelijk": ("Accessible en fauteuil roulant", "Wheelchair accessible",
                             "مناسب للكراسي المتحركة", "Tekerlekli sandalyeye uygun"),
    "aangepast-toilet": ("Toilettes adaptées", "Accessible toilet", "مرحاض مُهيّأ",
                         "Engelli tuvaleti"),
    "ringleiding": ("Boucle magnétique", "Hearing loop", "حلقة سمعية", "İşitme döngüsü"),
    "vlakbij-tram-of-bus": ("Près du tram ou du bus", "Near a tram or bus stop",
                            "قريب من الترام أو الحافلة", "Tramvay veya otobüse yakın"),
}  # fmt: skip

LABEL_TALEN = ("fr", "en", "ar", "tr")
PER_MODEL = {
    "Thema": THEMAS,
    "Doelgroep": DOELGROEPEN,
    "Taal": TALEN,
    "Toegankelijkheid": TOEGANKELIJKHEID,
}
