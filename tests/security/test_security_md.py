"""SECURITY.md names a test for each protection; every test it names exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# `area/test_x.py::test_name`, `area/test_x.py` or `::test_name` (same file as the last one).
REFERENCE = re.compile(r"`((?:[a-z_]+/)*test_[a-z_]+\.py)?(?:::(test_\w+))?`")


def references():
    """``(file, test name or None)`` for each test SECURITY.md names, in order."""
    found, current = [], None
    for match in REFERENCE.finditer((ROOT / "SECURITY.md").read_text()):
        path, name = match.groups()
        if not (path or name):
            continue
        current = path or current
        found.append((current, name))
    return found


def test_every_named_test_exists():
    """A renamed or deleted test shows up here instead of leaving a stale claim."""
    refs = references()
    assert len(refs) > 40
    for path, name in refs:
        source = (ROOT / "tests" / path).read_text()
        if name:
            assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name}"
