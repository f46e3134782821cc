"""Upload limits and checks (issue 11); the checks themselves: preventiezoeker/uploads.py."""

MB = 1024 * 1024

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "png", "jpg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * MB
WAGTAILDOCS_DOCUMENT_FORM_BASE = "preventiezoeker.uploads.DocumentForm"
# Documents always through the site (never the proxy's /media/), always as a download: a
# file that a browser would render can't run in the site's origin. The serve view adds
# nosniff and "Content-Security-Policy: default-src 'none'" itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can hold scripts
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a photo of 8000 × 5000; more is a bomb or a mistake
WAGTAILIMAGES_IMAGE_FORM_BASE = "preventiezoeker.uploads.AfbeeldingForm"

# A body larger than the largest upload plus its form is read but not stored (the form then
# says it is too large). The proxy in front should cap bodies too (nginx client_max_body_size
# 25m): gunicorn itself has no limit on the body.
UPLOAD_MAX_BODY_SIZE = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + MB
FILE_UPLOAD_HANDLERS = [
    "preventiezoeker.uploads.UploadLimietHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
