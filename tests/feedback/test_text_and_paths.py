"""Cleaning of comment text and contact-detail flags."""

import pytest

from feedback.text import clean_line, clean_text, mentions_contact_details


def test_clean_text_removes_control_characters_but_keeps_newlines_and_tabs():
    """NUL, bell, escape and lone surrogates go; newlines and tabs stay; CRLF becomes LF."""
    raw = "  Hej\x00 där\x07\x1b\r\nrad två\tmed tabb\ud800 \u200fslut  "
    assert clean_text(raw) == "Hej där\nrad två\tmed tabb \u200fslut"


def test_clean_text_of_none_is_empty():
    """A missing value cleans to the empty string."""
    assert clean_text(None) == ""


def test_clean_line_makes_one_trimmed_line():
    """Titles lose line breaks and extra spaces and are cut to length."""
    assert clean_line(" Rubrik\n med\tbrytning ", 12) == "Rubrik med b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skriv till anna@example.se", True),
        ("Ring 070-174 06 05", True),
        ("Ring 0980-12 34 56", True),
        ("Ring +46 70 174 06 05", True),
        ("Konferensen 31 maj 2017 i Piteå", False),
        ("Se 2016-10-26 kl. 10.00", False),
        ("Ingen kontaktuppgift här", False),
    ],
)
def test_contact_details_are_flagged(text, expected):
    """E-mail addresses and Swedish phone numbers set the flag; dates do not."""
    assert mentions_contact_details(text) is expected
