"""The Swedish catalogue is complete and its compiled .mo matches the .po.

A fresh machine has no gettext tools, so the compiled catalogue is committed;
these tests catch a .po edited without recompiling, or strings left in English.
(`make messages-check` in CI catches strings added to code but not to the .po.)
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(LOCALE_DIR / "django.po"))


def test_every_string_is_translated(catalogue):
    """No entry is empty or fuzzy: every string a visitor sees is Swedish."""
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_source(catalogue):
    """The committed .mo holds exactly the translations of the .po."""
    compiled = polib.mofile(str(LOCALE_DIR / "django.mo"))
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in catalogue.translated_entries()
    }
    built = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled if e.msgid}
    assert built == source


def test_interface_is_swedish():
    """Django renders the interface in Swedish by default."""
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("News") == "Nyheter"
