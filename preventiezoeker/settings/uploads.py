"""Upload limits and checks (issue 11); the checks themselves: preventiezoeker/uploads.py."""

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "png", "jpg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
