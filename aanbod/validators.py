import re

from django.core.exceptions import ValidationError

from aanbod.enums import PrijsCategorie

_PHONE_CHARS = re.compile(r"^\+?[0-9 ./()-]+$")


def validate_telefoon(value):
    """Belgian or international number in a readable form: 09 123 45 67, +32 9 123 45 67."""
    digits = re.sub(r"\D", "", value)
    if not _PHONE_CHARS.match(value) or not 9 <= len(digits) <= 15:
        raise ValidationError(
            "Geef een geldig telefoonnummer, bijvoorbeeld 09 123 45 67 of +32 9 123 45 67."
        )


def prijs_fout(prijs, bedrag, wat="het aanbod"):
    """The one price rule for offers and activities: the Dutch error for the amount, or None.
    An amount means not free; "betalend" needs an amount."""
    waarden = prijs or []
    if PrijsCategorie.BETALEND in waarden and bedrag is None:
        return f"Vul een bedrag in als {wat} betalend is."
    if bedrag is not None and bedrag < 0:
        return "Een bedrag kan niet negatief zijn."
    if bedrag is not None and bedrag > 0 and PrijsCategorie.GRATIS in waarden:
        return (
            "Gratis en een bedrag gaan niet samen. Kies 'betalend' en vul het bedrag in, "
            "of laat het bedrag leeg als het gratis is."
        )
    return None
