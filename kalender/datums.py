"""Dates as the calendar writes them in Dutch: "maandag 1 december 2026", "1 december 2026"."""

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def korte_datum(day):
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def dag_label(day):
    return f"{DAGEN[day.weekday()]} {day.day} {MAANDEN[day.month - 1]} {day.year}"


def maand_label(day):
    return f"{MAANDEN[day.month - 1]} {day.year}"
