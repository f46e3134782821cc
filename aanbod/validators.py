import re

from django.core.exceptions import ValidationError

_PHONE_CHARS = re.compile(r"^\+?[0-9 ./()-]+$")


def validate_telefoon(value):
    """Belgian or international number in a readable form: 09 123 45 67, +32 9 123 45 67."""
    digits = re.sub(r"\D", "", value)
    if not _PHONE_CHARS.match(value) or not 9 <= len(digits) <= 15:
        raise ValidationError(
            "Geef een geldig telefoonnummer, bijvoorbeeld 09 123 45 67 of +32 9 123 45 67."
        )
