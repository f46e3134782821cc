"""Code stays in its layer: a lower app never imports a higher one, not even inside a function.

Layer order, lowest first: the project package (settings, search seam, shared infrastructure),
schrijfhulp, aanbod, kalender, doorverwijzing, nakijken, importeren, cijfers, home,
insluiten, api. The root URLconf
and the WSGI entry point wire every app together by design and are left out.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = [
    "preventiezoeker", "schrijfhulp", "aanbod", "kalender", "doorverwijzing", "nakijken",
    "importeren", "cijfers", "home", "insluiten", "api",
]  # fmt: skip
WIRING = {"preventiezoeker/urls.py", "preventiezoeker/wsgi.py"}


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def upward_imports(package):
    level = LAYERS.index(package)
    higher = set(LAYERS[level + 1 :])
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in WIRING:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        for lineno, module in imported_modules(tree):
            if module.split(".")[0] in higher:
                yield f"{relative}:{lineno} imports {module}"


@pytest.mark.parametrize("package", LAYERS[:-1])
def test_no_app_imports_a_higher_one(package):
    if not (ROOT / package).is_dir():
        pytest.fail(f"{package} is missing")
    found = list(upward_imports(package))
    assert not found, "upward imports:\n" + "\n".join(found)


def test_the_check_sees_lazy_imports():
    tree = ast.parse("def f():\n    from home.inrichting import x\n    import api.views\n")
    assert [m for _, m in imported_modules(tree)] == ["home.inrichting", "api.views"]
