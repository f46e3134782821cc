"""Every text the code marks for translation is in a catalogue: makemessages, run on a copy of
the code without its .po files, finds no msgid the committed catalogues lack. Catches a string
added (or hidden in an f-string) without running makemessages, which shows Dutch on /ar/."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", ".git", "var", "media", "node_modules", "static_collected", "tests", "bench"}
# Pages for partners, who work in Dutch like the admin.
DUTCH_ONLY = ("nakijken/*", "importeren/*", "schrijfhulp/*")
CATALOGUES = ("locale", "kalender/locale", "doorverwijzing/locale", "insluiten/locale")
MSGID = re.compile(r'^msgid "(.*)"\n((?:".*"\n)*)', re.MULTILINE)


def msgids(po: Path) -> set[str]:
    found = set()
    for first, rest in MSGID.findall(po.read_text(encoding="utf-8")):
        text = first + "".join(line[1:-1] for line in rest.splitlines())
        if text:
            found.add(text)
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if not shutil.which("xgettext"):
        pytest.fail("xgettext (Debian's gettext) is needed: ./pz test installs it")
    copy = tmp_path_factory.mktemp("catalogi") / "src"

    def skip(_dir, names):
        return [n for n in names if n in SKIP_DIRS or n.endswith(".po")]

    shutil.copytree(ROOT, copy, ignore=skip)
    # manage.py puts the copy first on sys.path, so LOCALE_PATHS points into the copy.
    ignores = [arg for pattern in DUTCH_ONLY for arg in ("--ignore", pattern)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", *ignores],
        cwd=copy, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    found = set()
    for po in copy.rglob("ar/LC_MESSAGES/django.po"):
        found |= msgids(po)
    return found


def test_every_marked_text_is_in_a_catalogue(extracted):
    committed = set()
    for catalogue in CATALOGUES:
        committed |= msgids(ROOT / catalogue / "ar" / "LC_MESSAGES" / "django.po")
    assert len(extracted) > 300  # the extraction itself worked
    missing = sorted(extracted - committed)
    assert not missing, f"run makemessages and translate: {missing[:60]}"
