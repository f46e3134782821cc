# The calendar's fixtures, for the calendar endpoint's tests.
from tests.kalender.conftest import dinsdag, ledeberg, vocab  # noqa: F401
