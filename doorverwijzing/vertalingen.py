"""Fixed texts of the client handout in the languages caregivers ask for most.

Only our own labels are translated; the partner's text stays as written (in Dutch). Keep each
sentence short (B1). The translations still need a review by native speakers (see README).
"""

from aanbod.enums import Inschrijving, PrijsCategorie

TALEN = {
    "nl": {"naam": "Nederlands", "dir": "ltr"},
    "fr": {"naam": "Français", "dir": "ltr"},
    "en": {"naam": "English", "dir": "ltr"},
    "ar": {"naam": "العربية", "dir": "rtl"},
    "tr": {"naam": "Türkçe", "dir": "ltr"},
}
STANDAARD = "nl"

TEKSTEN = {
    "titel": {
        "nl": "Informatie voor jou", "fr": "Informations pour vous", "en": "Information for you",
        "ar": "معلومات لك", "tr": "Sizin için bilgi",
    },
    "door": {"nl": "Door", "fr": "Par", "en": "By", "ar": "من", "tr": "Düzenleyen"},
    "wat": {"nl": "Wat?", "fr": "Quoi ?", "en": "What?", "ar": "ماذا؟", "tr": "Ne?"},
    "waar": {"nl": "Waar?", "fr": "Où ?", "en": "Where?", "ar": "أين؟", "tr": "Nerede?"},
    "wanneer": {
        "nl": "Wanneer?", "fr": "Quand ?", "en": "When?", "ar": "متى؟", "tr": "Ne zaman?",
    },
    "prijs": {
        "nl": "Wat kost het?", "fr": "Combien ça coûte ?", "en": "How much does it cost?",
        "ar": "كم التكلفة؟", "tr": "Ücreti ne kadar?",
    },
    "inschrijven": {
        "nl": "Hoe begin je?", "fr": "Comment commencer ?", "en": "How do you start?",
        "ar": "كيف تبدأ؟", "tr": "Nasıl başlarsınız?",
    },
    "talen": {
        "nl": "Talen", "fr": "Langues", "en": "Languages", "ar": "اللغات", "tr": "Diller",
    },
    "contact": {
        "nl": "Vragen? Bel of mail", "fr": "Des questions ? Appelez ou écrivez",
        "en": "Questions? Call or e-mail", "ar": "هل لديك أسئلة؟ اتصل أو أرسل بريدًا",
        "tr": "Sorunuz mu var? Arayın veya e-posta gönderin",
    },
    "bel": {"nl": "Bel", "fr": "Appelez", "en": "Call", "ar": "اتصل", "tr": "Arayın"},
    "mail": {"nl": "Mail", "fr": "Écrivez", "en": "E-mail", "ar": "راسل", "tr": "E-posta"},
    "online": {
        "nl": "Online inschrijven", "fr": "S'inscrire en ligne", "en": "Sign up online",
        "ar": "التسجيل عبر الإنترنت", "tr": "Çevrimiçi kayıt",
    },
    "afspraak": {
        "nl": "Jouw afspraak", "fr": "Votre rendez-vous", "en": "Your appointment",
        "ar": "موعدك", "tr": "Randevunuz",
    },
    "datum": {"nl": "Datum", "fr": "Date", "en": "Date", "ar": "التاريخ", "tr": "Tarih"},
    "uur": {"nl": "Uur", "fr": "Heure", "en": "Time", "ar": "الساعة", "tr": "Saat"},
    "met_wie": {
        "nl": "Met wie", "fr": "Avec qui", "en": "With whom", "ar": "مع من", "tr": "Kiminle",
    },
    "meebrengen": {
        "nl": "Meebrengen", "fr": "À apporter", "en": "Bring along", "ar": "أحضر معك",
        "tr": "Yanınızda getirin",
    },
    "gekregen_van": {
        "nl": "Je kreeg dit van", "fr": "Vous avez reçu ceci de", "en": "You got this from",
        "ar": "حصلت على هذا من", "tr": "Bunu size veren",
    },
    "qr": {
        "nl": "Scan de code voor meer informatie",
        "fr": "Scannez le code pour plus d'informations",
        "en": "Scan the code for more information",
        "ar": "امسح الرمز لمزيد من المعلومات",
        "tr": "Daha fazla bilgi için kodu tarayın",
    },
    "stadsbreed": {
        "nl": "Voor heel Gent", "fr": "Pour tout Gand", "en": "For all of Ghent",
        "ar": "لكل مدينة غنت", "tr": "Tüm Gent için",
    },
    "rolstoel": {
        "nl": "Toegankelijk met een rolstoel", "fr": "Accessible en fauteuil roulant",
        "en": "Wheelchair accessible", "ar": "مناسب للكراسي المتحركة",
        "tr": "Tekerlekli sandalye ile erişilebilir",
    },
    "volgende_data": {
        "nl": "Volgende data", "fr": "Prochaines dates", "en": "Next dates",
        "ar": "المواعيد القادمة", "tr": "Sonraki tarihler",
    },
    "hele_dag": {
        "nl": "de hele dag", "fr": "toute la journée", "en": "all day", "ar": "طوال اليوم",
        "tr": "tüm gün",
    },
    "tekst_nl": {
        "nl": "",
        "fr": "Le texte de l'organisation est en néerlandais.",
        "en": "The organisation's text is in Dutch.",
        "ar": "نص المنظمة باللغة الهولندية.",
        "tr": "Kuruluşun metni Felemenkçedir.",
    },
}  # fmt: skip

INSCHRIJVING = {
    Inschrijving.ZONDER_AFSPRAAK: {
        "nl": "Je mag gewoon binnenlopen", "fr": "Sans rendez-vous",
        "en": "Walk in, no appointment needed", "ar": "يمكنك الحضور بدون موعد",
        "tr": "Randevusuz gelebilirsiniz",
    },
    Inschrijving.INSCHRIJVEN: {
        "nl": "Schrijf je eerst in", "fr": "Inscrivez-vous d'abord", "en": "Sign up first",
        "ar": "سجّل أولًا", "tr": "Önce kayıt olun",
    },
    Inschrijving.OP_AFSPRAAK: {
        "nl": "Maak eerst een afspraak", "fr": "Prenez d'abord rendez-vous",
        "en": "Make an appointment first", "ar": "احجز موعدًا أولًا",
        "tr": "Önce randevu alın",
    },
    Inschrijving.DOORVERWIJZING: {
        "nl": "Je hebt een doorverwijzing nodig", "fr": "Vous avez besoin d'une lettre de renvoi",
        "en": "You need a referral", "ar": "تحتاج إلى رسالة إحالة",
        "tr": "Sevk belgesi gerekir",
    },
}  # fmt: skip

PRIJS = {
    PrijsCategorie.GRATIS: {
        "nl": "Gratis", "fr": "Gratuit", "en": "Free", "ar": "مجاني", "tr": "Ücretsiz",
    },
    PrijsCategorie.KANSENTARIEF: {
        "nl": "Minder betalen met kansentarief of UiTPAS",
        "fr": "Moins cher avec le tarif social ou l'UiTPAS",
        "en": "Pay less with the social rate (kansentarief) or UiTPAS",
        "ar": "ادفع أقل مع التعريفة الاجتماعية أو UiTPAS",
        "tr": "Sosyal tarife (kansentarief) veya UiTPAS ile daha az ödeyin",
    },
    PrijsCategorie.TERUGBETAALD: {
        "nl": "Het ziekenfonds betaalt (een deel) terug",
        "fr": "La mutualité rembourse (une partie)",
        "en": "Your health insurance (ziekenfonds) pays (part of it) back",
        "ar": "صندوق التأمين الصحي يعيد لك (جزءًا من) المال",
        "tr": "Sağlık sigortası (ziekenfonds) (bir kısmını) geri öder",
    },
    PrijsCategorie.KORTING_VT: {
        "nl": "Minder betalen met verhoogde tegemoetkoming",
        "fr": "Moins cher avec l'intervention majorée",
        "en": "Pay less with increased reimbursement (verhoogde tegemoetkoming)",
        "ar": "ادفع أقل مع التعويض المرتفع (verhoogde tegemoetkoming)",
        "tr": "Yüksek geri ödeme (verhoogde tegemoetkoming) ile daha az ödeyin",
    },
    PrijsCategorie.BETALEND: {
        "nl": "Je betaalt", "fr": "Payant", "en": "You pay", "ar": "مدفوع", "tr": "Ücretli",
    },
}  # fmt: skip

WEEKDAGEN = {
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "tr": ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"],
}

# Language names in the language itself: a client recognises their own language's name.
AUTONIEMEN = {
    "nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch", "ar": "العربية",
    "tr": "Türkçe", "bg": "Български", "sk": "Slovenčina", "ro": "Română", "pl": "Polski",
    "ru": "Русский", "uk": "Українська", "es": "Español", "pt": "Português", "it": "Italiano",
    "fa": "فارسی", "prs": "دری", "ps": "پښتو", "ti": "ትግርኛ", "so": "Soomaali", "ku": "Kurdî",
    "am": "አማርኛ", "sq": "Shqip",
}  # fmt: skip
RTL = {"ar", "fa", "prs", "ps"}


def kies_taal(code):
    return code if code in TALEN else STANDAARD


def teksten(taal):
    taal = kies_taal(taal)
    return {key: values.get(taal) or values[STANDAARD] for key, values in TEKSTEN.items()}


def inschrijving_zinnen(page, taal=STANDAARD):
    return [INSCHRIJVING[Inschrijving(v)][kies_taal(taal)] for v in page.inschrijving or []
            if v in Inschrijving.values]  # fmt: skip


def prijs_zinnen(page, taal=STANDAARD):
    """Price in plain words, the cheapest route first (as the categories are ordered)."""
    taal = kies_taal(taal)
    zinnen = []
    for value in PrijsCategorie.values:
        if value not in (page.prijs or []):
            continue
        zin = PRIJS[PrijsCategorie(value)][taal]
        if value == PrijsCategorie.BETALEND and page.bedrag is not None:
            bedrag = f"{page.bedrag:.2f}".replace(".", ",").removesuffix(",00")
            zin = f"{zin}: € {bedrag}"
        zinnen.append(zin)
    return zinnen


def taal_namen(page):
    """[(code, autonym, dir)] of the languages the offer is given in."""
    return [
        (t.slug, AUTONIEMEN.get(t.slug, t.label), "rtl" if t.slug in RTL else "ltr")
        for t in page.talen.all()
    ]


def moment_tekst(start, einde, hele_dag, taal=STANDAARD):
    """'dinsdag 01/12/2026, 14:00–16:00': digits read the same in every language."""
    taal = kies_taal(taal)
    dag = f"{WEEKDAGEN[taal][start.weekday()]} {start:%d/%m/%Y}"
    if hele_dag:
        return f"{dag}, {TEKSTEN['hele_dag'][taal]}"
    if einde.date() != start.date():
        return f"{dag}, {start:%H:%M}"
    return f"{dag}, {start:%H:%M}–{einde:%H:%M}"
