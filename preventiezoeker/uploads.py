"""Uploads from partners, checked by what is in the file, not by its name (issue 11).

Wagtail's extension points: the form base classes WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE (settings/uploads.py) swap in fields that check size first,
then content: a document must really be the kind its extension says, an image must open in
Pillow and not be SVG or a decompression bomb. The upload handler stops storing a request
body that is larger than any allowed upload, so a 200 MB file never reaches the disk.
"""

import io
import os
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.template.defaultfilters import filesizeformat

from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image

KOP = 2048  # bytes looked at for markup
MARKUP = (b"<script", b"<html", b"<svg", b"<!doctype html", b"<iframe", b"<?xml")
ZIP = {  # extension: (file that must be in the ZIP, exact "mimetype" entry or None)
    "docx": ("word/document.xml", None),
    "pptx": ("ppt/presentation.xml", None),
    "odt": ("content.xml", b"application/vnd.oasis.opendocument.text"),
}
BEELD = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}

ONLEESBAAR = "Dit bestand kunnen we niet lezen. Is het beschadigd? Probeer een ander bestand."
SOORT_KLOPT_NIET = (
    "Dit bestand is geen echt .{ext}-bestand: de inhoud past niet bij de naam. "
    "Bewaar het opnieuw als .{ext} en probeer nog eens."
)
WEBPAGINA = (
    "Webpagina's, SVG-bestanden en scripts kunnen niet. Kies een PDF, Word- of beeldbestand."
)
GEEN_SVG = "SVG-afbeeldingen kunnen niet. Bewaar de afbeelding als PNG of JPG."
TE_GROOT = "Dit bestand is te groot ({grootte}). Het mag hoogstens {max} zijn."
TE_VEEL_PIXELS = (
    "Deze afbeelding is te groot: {breed} × {hoog} pixels. Maak ze kleiner (hoogstens "
    "{max} miljoen pixels) en probeer opnieuw."
)
TE_VEEL_PIXELS_ONBEKEND = (
    "Deze afbeelding heeft veel te veel pixels. Maak ze kleiner (hoogstens {max} miljoen "
    "pixels) en probeer opnieuw."
)
SOORT_NIET_TOEGELATEN = "Dit soort bestand kan niet. Toegelaten: {soorten}."


def max_body():
    """The largest request body an upload may need: the largest file plus the form around it."""
    return settings.UPLOAD_MAX_BODY_SIZE


# -- the request body ---------------------------------------------------------------------


class TeGrootBestand(UploadedFile):
    """Stands in for a file whose request was too large to store: no content, its real size."""

    def __init__(self, name, size):
        super().__init__(
            io.BytesIO(), name=name, content_type="application/octet-stream", size=size
        )


class UploadLimietHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: a body past max_body() is read but not stored.

    The form then says, in Dutch, that the file is too large. Django would otherwise write
    the whole file to a temporary file before any form could look at its size.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.te_groot = content_length is not None and content_length > max_body()
        self.body_size = content_length

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.te_groot:
            raise StopFutureHandlers  # no temporary file for the next handlers

    def receive_data_chunk(self, raw_data, start):
        return None if self.te_groot else raw_data

    def file_complete(self, file_size):
        if self.te_groot:
            return TeGrootBestand(self.file_name, self.body_size)
        return None


# -- checks -------------------------------------------------------------------------------


def _extensie(f):
    return os.path.splitext(f.name or "")[1].lower().lstrip(".")


def _kop(f):
    f.seek(0)
    kop = f.read(KOP)
    f.seek(0)
    return kop


def controleer_grootte(data, maximum):
    size = getattr(data, "size", None)
    if maximum is not None and size is not None and size > maximum:
        raise ValidationError(
            TE_GROOT.format(grootte=filesizeformat(size), max=filesizeformat(maximum)),
            code="file_too_large",
        )


def controleer_beeld(f, formaat, max_pixels):
    """Pillow opens it as `formaat`, it is no decompression bomb, and verify() finds no damage."""
    f.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(f) as beeld:
                breed, hoog = beeld.size
                gevonden = beeld.format
                if max_pixels and breed * hoog > max_pixels:
                    raise _te_veel_pixels(breed, hoog, max_pixels)
                beeld.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _te_veel_pixels(None, None, max_pixels) from None
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds on a broken or foreign file
        raise ValidationError(ONLEESBAAR, code="invalid_image") from error
    finally:
        f.seek(0)
    if gevonden != formaat:
        raise ValidationError(
            SOORT_KLOPT_NIET.format(ext=formaat.lower()), code="invalid_image_known_format"
        )


def _te_veel_pixels(breed, hoog, max_pixels):
    miljoen = round((max_pixels or Image.MAX_IMAGE_PIXELS) / 1_000_000)
    if breed is None:  # too many for Pillow even to say how many
        tekst = TE_VEEL_PIXELS_ONBEKEND.format(max=miljoen)
    else:
        tekst = TE_VEEL_PIXELS.format(breed=breed, hoog=hoog, max=miljoen)
    return ValidationError(tekst, code="file_too_many_pixels")


def _zip_van_soort(f, verplicht, mimetype):
    """An Office file: a ZIP with [Content_Types].xml; OpenDocument: "mimetype" first."""
    try:
        with zipfile.ZipFile(f) as archief:
            namen = archief.namelist()
            if mimetype is None:
                return verplicht in namen and "[Content_Types].xml" in namen
            return (
                verplicht in namen
                and namen[0] == "mimetype"
                and archief.read("mimetype") == mimetype
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        return False
    finally:
        f.seek(0)


def controleer_document(f):
    """The content matches the extension (PDF, Office/OpenDocument ZIP, PNG/JPEG); no markup."""
    ext = _extensie(f)
    kop = _kop(f)
    if any(teken in kop.lower() for teken in MARKUP):
        raise ValidationError(WEBPAGINA, code="markup")
    soort_klopt_niet = ValidationError(SOORT_KLOPT_NIET.format(ext=ext), code="wrong_content")
    if ext == "pdf":
        if not kop.startswith(b"%PDF-"):
            raise soort_klopt_niet
    elif ext in ZIP:
        if not _zip_van_soort(f, *ZIP[ext]):
            raise soort_klopt_niet
    elif ext in BEELD:
        controleer_beeld(f, BEELD[ext], settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
    else:  # an extension added to WAGTAILDOCS_EXTENSIONS without a check here
        raise ValidationError(
            SOORT_NIET_TOEGELATEN.format(soorten=", ".join(settings.WAGTAILDOCS_EXTENSIONS)),
            code="invalid_extension",
        )


# -- fields and forms ---------------------------------------------------------------------


class DocumentVeld(WagtailDocumentField):
    def to_python(self, data):
        controleer_grootte(data, self.max_upload_size)
        f = super().to_python(data)
        if isinstance(f, UploadedFile):
            controleer_document(f)
        return f


class AfbeeldingVeld(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        soorten = self.supported_formats_text
        self.error_messages.update(
            invalid_image=ONLEESBAAR,
            invalid_image_extension=SOORT_NIET_TOEGELATEN.format(soorten=soorten),
            invalid_image_known_format=(
                "De inhoud van dit bestand past niet bij de naam (.%(extension)s, maar het is "
                "%(image_format)s). Bewaar het opnieuw als PNG of JPG."
            ),
            file_too_many_pixels=(
                "Deze afbeelding heeft te veel pixels (%(num_pixels)s, hoogstens "
                "%(max_pixels_count)s). Maak ze kleiner en probeer opnieuw."
            ),
        )

    def to_python(self, data):
        controleer_grootte(data, self.max_upload_size)
        if isinstance(data, UploadedFile):
            if _extensie(data) == "svg" or b"<svg" in _kop(data).lower():
                raise ValidationError(GEEN_SVG, code="svg")
            formaat = BEELD.get(_extensie(data))
            if formaat is None:
                raise ValidationError(self.error_messages["invalid_image_extension"])
            controleer_beeld(data, formaat, self.max_image_pixels)
        return super().to_python(data)


def _vervang_bestandsveld(form, veldklasse):
    oud = form.fields.get("file")
    if oud is not None:
        form.fields["file"] = veldklasse(label=oud.label, required=oud.required, widget=oud.widget)


class DocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: Wagtail's document form with DocumentVeld."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vervang_bestandsveld(self, DocumentVeld)


class AfbeeldingForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's image form with AfbeeldingVeld."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vervang_bestandsveld(self, AfbeeldingVeld)
