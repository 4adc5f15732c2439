#!/usr/bin/env python
"""Fill Swedish translations into locale/sv and compile the catalogue.

Usage: scripts/translate.py translations.json [more.json ...]

Each JSON file maps an English msgid to its Swedish msgstr (for plural forms,
to a list of two strings). The script regenerates the catalogue with
``makemessages`` (so it always matches the code), fills in the given
translations, refuses to leave any string untranslated or fuzzy, and compiles
the .mo file. It holds a lock, so several people (or helpers) can run it at
once without losing each other's work.
"""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO_PATH = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"
LOCK_PATH = Path("/tmp/kkn-portal-i18n.lock")


def manage(*args):
    """Run a manage.py command with the project's virtualenv Python."""
    env = {**os.environ, "DEBUG": "1"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def regenerate():
    """Rewrite the catalogue from the code, as `make messages-check` does."""
    manage(
        "makemessages",
        "--locale",
        "sv",
        "--add-location",
        "file",
        "--ignore",
        ".venv/*",
        "--ignore",
        "staticfiles/*",
    )


def main(paths):
    """Regenerate, fill, check and compile the Swedish catalogue."""
    translations = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    with open(LOCK_PATH, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        regenerate()
        catalogue = polib.pofile(str(PO_PATH), wrapwidth=0)
        catalogue.metadata["Language"] = "sv"
        catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        for entry in catalogue:
            if entry.obsolete:
                continue
            value = translations.get(entry.msgid)
            if value is not None:
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: value[0], 1: value[1]}
                else:
                    entry.msgstr = value
            if "fuzzy" in entry.flags:
                # A fuzzy msgstr is gettext's guess from a similar string: keep
                # it only when a translation was supplied for this exact msgid.
                if value is None:
                    entry.msgstr = ""
                    entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.previous_msgid_plural = None
        # Obsolete entries are noise in review; the code no longer uses them.
        for entry in [e for e in catalogue if e.obsolete]:
            catalogue.remove(entry)
        catalogue.save(str(PO_PATH))
        missing = [
            e.msgid
            for e in catalogue
            if not (e.msgstr or (e.msgstr_plural and all(e.msgstr_plural.values())))
        ]
        # A second makemessages writes the file exactly as CI's
        # `make messages-check` regenerates it (gettext's own line wrapping).
        regenerate()
        manage("compilemessages", "--locale", "sv", "--ignore", ".venv/*")
    if missing:
        print("Untranslated strings:", file=sys.stderr)
        for msgid in missing:
            print(f"  {msgid!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
