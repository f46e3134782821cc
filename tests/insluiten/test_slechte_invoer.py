"""Bad input in an embed's address: a notice and the embed, or the embed's 404; never a 500,
never the input as markup."""

import pytest

pytestmark = pytest.mark.django_db

LANG = "x" * 10_000
# (url, status, text the embed shows)
GEVALLEN = [
    (
        "/insluiten/aanbod/?thema=bestaat-niet",
        200,
        "Onbekende keuze genegeerd bij thema: bestaat-niet",
    ),
    (
        "/insluiten/aanbod/?wijk=bestaat-niet&thema=beweging",
        200,
        "Onbekende keuze genegeerd bij wijk",
    ),
    ("/insluiten/aanbod/?thema=" + LANG, 200, "Onbekende keuze genegeerd bij thema"),
    ("/insluiten/aanbod/?" + "&".join(f"thema=t{n}" for n in range(200)), 200, "Onbekende keuze"),
    ("/insluiten/aanbod/?page=abc", 200, "Ongeldig paginanummer; we tonen pagina 1."),
    ("/insluiten/aanbod/?page=-3", 200, "Ongeldig paginanummer; we tonen pagina 1."),
    ("/insluiten/aanbod/?page=99999999999999999999", 200, "Die pagina bestaat niet"),
    ("/insluiten/aanbod/?sort=%3Cscript%3E", 200, "Onbekende sortering"),
    ("/insluiten/aanbod/?leeftijd=oud", 200, "is geen leeftijd die we kennen"),
    ("/insluiten/aanbod/?q=%00%00", 200, "aanbod gevonden"),
    ("/insluiten/aanbod/?q=" + LANG, 200, "Je zoekwoorden waren te lang"),
    ("/insluiten/aanbod/?stijl=roze", 200, "Onbekende stijl genegeerd"),
    ("/insluiten/aanbod/?stijl=%3Cb%3E", 200, "Onbekende stijl genegeerd"),
    ("/insluiten/aanbod/?kleur=rood", 200, "Onbekende instelling genegeerd: kleur"),
    ("/insluiten/aanbod/?%3Cscript%3E=1", 200, "Onbekende instelling genegeerd: &lt;script&gt;"),
    ("/insluiten/organisatie/wgc-alfa/?thema=bestaat-niet", 200, "Onbekende keuze genegeerd"),
    ("/insluiten/organisatie/wgc-alfa/?page=x", 200, "Ongeldig paginanummer"),
    ("/insluiten/organisatie/bestaat-niet/", 404, "Dit overzicht bestaat niet (meer)."),
    ("/insluiten/organisatie/" + "a" * 2000 + "/", 404, "Dit overzicht bestaat niet (meer)."),
    ("/insluiten/organisatie/%C3%A9%C3%A9n/", 404, "Dit overzicht bestaat niet (meer)."),
    ("/insluiten/organisatie/%3Cscript%3E/", 404, "Dit overzicht bestaat niet (meer)."),
    ("/insluiten/organisatie/bestaat-niet/?stijl=roze", 404, "Onbekende stijl genegeerd"),
    ("/insluiten/campagne/bestaat-niet/", 404, "Dit overzicht bestaat niet (meer)."),
    (
        "/insluiten/campagne/week-van-de-valpreventie/?van=2026-13-45",
        200,
        "is geen geldige datum bij",
    ),
    ("/insluiten/campagne/week-van-de-valpreventie/?van=9999-01-01&tot=1-1-1", 200, "moment"),
    ("/insluiten/campagne/week-van-de-valpreventie/?periode=ooit", 200, "Onbekende periode"),
    ("/insluiten/campagne/week-van-de-valpreventie/?page=abc", 200, "1 moment"),
    ("/insluiten/campagne/week-van-de-valpreventie/?page=500", 200, "1 moment"),
    ("/insluiten/campagne/week-van-de-valpreventie/?aanbod=abc", 200, "Onbekend aanbod genegeerd"),
    ("/insluiten/campagne/week-van-de-valpreventie/?wijk=x", 200, "Onbekende keuze genegeerd"),
    (
        "/insluiten/campagne/week-van-de-valpreventie/?weergave=maand",
        200,
        "Onbekende instelling genegeerd: weergave",
    ),
    (
        "/insluiten/campagne/week-van-de-valpreventie/?campagne=andere",
        200,
        "Onbekende instelling genegeerd: campagne",
    ),
    ("/fr/insluiten/aanbod/?thema=bestaat-niet", 200, "bestaat-niet"),
]


@pytest.mark.parametrize(("url", "status", "tekst"), GEVALLEN)
def test_bad_input_gives_a_notice_or_the_embeds_404(client, embed_data, url, status, tekst):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="insluiting' in html
    assert tekst in html
    assert "<script>" not in html
    assert "<b>" not in html
    assert response["Content-Security-Policy"].endswith("frame-ancestors *")


def test_notices_are_announced_to_screen_readers(client, embed_data):
    html = client.get("/insluiten/aanbod/?thema=bestaat-niet").content.decode()
    assert '<div class="melding" role="status">' in html
