"""Uploads are safe (issue 11, finding 13): what a partner uploads through Wagtail's own admin
views (single and multiple upload) is checked by its content, not its name, and refused with a
Dutch message, never a 500. Documents are served as downloads the browser won't sniff."""

import io
import json
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

from preventiezoeker.uploads import TeGrootBestand

Document, Afbeelding = get_document_model(), get_image_model()

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"


def beeld(formaat, grootte=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", grootte, (200, 30, 30)).save(buffer, formaat)
    return buffer.getvalue()


def pdf():
    return beeld("PDF")  # Pillow writes a real one-page PDF


def docx(met_document=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        if met_document:
            archief.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def png_bom(breed, hoog):
    """A valid PNG header claiming breed × hoog pixels, with almost no data: a few hundred
    bytes that would decompress to gigabytes."""

    def chunk(soort, data):
        return (
            struct.pack(">I", len(data))
            + soort
            + data
            + struct.pack(">I", zlib.crc32(soort + data))
        )

    ihdr = struct.pack(">IIBBBBB", breed, hoog, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture
def partner(partner_a, client):
    client.force_login(partner_a.user)
    partner_a.collection = Collection.objects.get(name=partner_a.organisatie.title)
    return partner_a


def upload(client, soort, naam, inhoud, collection):
    """The single upload form (/admin/images/add/, /admin/documents/add/): (saved, page text)."""
    response = client.post(
        f"/admin/{soort}/add/",
        {"title": naam, "collection": collection.pk, "file": SimpleUploadedFile(naam, inhoud)},
    )
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 302, response.content.decode()


def meervoudig(client, soort, naam, inhoud, collection):
    """The multiple uploader's endpoint (what Wagtail's drag-and-drop JS posts): its JSON."""
    response = client.post(
        f"/admin/{soort}/multiple/add/",
        {"collection": collection.pk, "files[]": SimpleUploadedFile(naam, inhoud)},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return json.loads(response.content)


# -- refused ------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["images", "documents"])
def test_svg_met_script_wordt_geweigerd(client, partner, soort):
    for naam in ("logo.svg", "logo.png"):  # also an SVG named like a PNG
        opgeslagen, html = upload(client, soort, naam, SVG, partner.collection)
        assert not opgeslagen
        assert "SVG" in html and "kunnen niet" in html
        antwoord = meervoudig(client, soort, naam, SVG, partner.collection)
        assert antwoord["success"] is False
        assert "SVG" in antwoord["error_message"] and "kunnen niet" in antwoord["error_message"]
    assert not Afbeelding.objects.exists() and not Document.objects.exists()


def test_svg_afbeelding_krijgt_een_duidelijke_boodschap(client, partner):
    _, html = upload(client, "images", "logo.png", SVG, partner.collection)
    assert "SVG-afbeeldingen kunnen niet" in html


def test_html_met_de_naam_pdf_wordt_geweigerd(client, partner):
    opgeslagen, html = upload(client, "documents", "folder.pdf", HTML, partner.collection)
    assert not opgeslagen
    assert "Webpagina&#x27;s, SVG-bestanden en scripts kunnen niet" in html
    antwoord = meervoudig(client, "documents", "folder.pdf", HTML, partner.collection)
    assert antwoord["success"] is False
    assert "scripts kunnen niet" in antwoord["error_message"]
    assert not Document.objects.exists()


def test_bestand_met_valse_naam_wordt_geweigerd(client, partner):
    """Content that is not what its name says: a ZIP without Word's structure, a PNG as .pdf."""
    for naam, inhoud in [("verslag.docx", docx(met_document=False)), ("flyer.pdf", beeld("PNG"))]:
        opgeslagen, html = upload(client, "documents", naam, inhoud, partner.collection)
        assert not opgeslagen
        assert "de inhoud past niet bij de naam" in html
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "breed, boodschap",
    [
        (7_000, "Deze afbeelding is te groot: 7000 × 7000 pixels"),  # above the 40 M limit
        (60_000, "Deze afbeelding heeft veel te veel pixels"),  # Pillow won't even open it
    ],
)
def test_decompressiebom_wordt_geweigerd(client, partner, breed, boodschap):
    bom = png_bom(breed, breed)
    assert len(bom) < 1000
    for soort in ("images", "documents"):
        opgeslagen, html = upload(client, soort, "foto.png", bom, partner.collection)
        assert not opgeslagen
        assert boodschap in html
        antwoord = meervoudig(client, soort, "foto.png", bom, partner.collection)
        assert antwoord["success"] is False
        assert boodschap in antwoord["error_message"]
    assert not Afbeelding.objects.exists() and not Document.objects.exists()


def test_te_groot_bestand_wordt_geweigerd_met_een_nederlandse_boodschap(client, partner, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 20_000  # as 20 MB, without writing 20 MB
    groot = pdf() + b"%" + b"0" * 30_000
    opgeslagen, html = upload(client, "documents", "jaarverslag.pdf", groot, partner.collection)
    assert not opgeslagen
    assert "Dit bestand is te groot" in html and "Het mag hoogstens 19,5" in html
    antwoord = meervoudig(client, "documents", "jaarverslag.pdf", groot, partner.collection)
    assert antwoord["success"] is False
    assert "Dit bestand is te groot" in antwoord["error_message"]
    assert not Document.objects.exists()


def test_een_te_grote_aanvraag_wordt_niet_opgeslagen_maar_wel_gemeld(client, partner, settings):
    """A body past UPLOAD_MAX_BODY_SIZE is read but never stored, not even in a temporary
    file; the form still says that the file is too large."""
    settings.UPLOAD_MAX_BODY_SIZE = 10_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 9_000
    groot = beeld("PNG", (400, 400)) + b"\0" * 50_000
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("foto.png", groot)})
    bestand = request.FILES["file"]
    assert isinstance(bestand, TeGrootBestand)
    assert bestand.read() == b""
    assert bestand.size > 50_000

    opgeslagen, html = upload(client, "images", "foto.png", groot, partner.collection)
    assert not opgeslagen
    assert "Dit bestand is te groot" in html
    assert not Afbeelding.objects.exists()


# -- accepted -----------------------------------------------------------------------------


def test_echte_pdf_en_word_worden_aanvaard(client, partner):
    assert upload(client, "documents", "folder.pdf", pdf(), partner.collection)[0]
    assert meervoudig(client, "documents", "verslag.docx", docx(), partner.collection)["success"]
    assert upload(client, "documents", "affiche.png", beeld("PNG"), partner.collection)[0]
    assert Document.objects.count() == 3


def test_echte_png_en_jpeg_worden_aanvaard(client, partner):
    assert upload(client, "images", "foto.png", beeld("PNG"), partner.collection)[0]
    assert meervoudig(client, "images", "foto.jpg", beeld("JPEG"), partner.collection)["success"]
    assert sorted(Afbeelding.objects.values_list("width", flat=True)) == [40, 40]


def test_document_wordt_gedownload_en_niet_gesnuffeld(client, partner):
    assert upload(client, "documents", "folder.pdf", pdf(), partner.collection)[0]
    document = Document.objects.get()
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
