"""Cleaning of comment text, contact-detail flags and page-path validation."""

import pytest
from django.contrib.flatpages.models import FlatPage

from feedback.paths import is_local_page
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


@pytest.mark.parametrize(
    "path",
    ["/", "/nyheter/", "/nyheter/en-artikel/", "/evenemang/", "/personuppgifter/"],
)
def test_local_pages_are_accepted(path):
    """Paths that the site's URLconf resolves are accepted."""
    assert is_local_page(path)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "nyheter/",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "/nyheter/?q=1",
        "/nyheter/#x",
        "/finns/inte/alls/",
        "/\x00/",
        "/" + "a" * 600,
        None,
    ],
)
def test_outside_and_unknown_paths_are_refused(path, db):
    """Outside URLs, scheme-relative and backslash tricks, queries and unknown paths fail."""
    assert not is_local_page(path)


def test_flatpage_without_url_pattern_is_accepted(db):
    """A flatpage served by the fallback middleware counts as a page of the site."""
    page = FlatPage.objects.create(url="/om-kkn/", title="Om KKN", content="<p>x</p>")
    page.sites.add(1)
    assert is_local_page("/om-kkn/")
