"""The pieces of a calendar file: rich text as plain text, TEXT escaping, folding."""

import html
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from events import icaltext
from events.models import Event

from . import ical_reference

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def unfold(data):
    """The content lines of a folded stream (RFC 5545 3.1), as bytes."""
    return data.replace(b"\r\n ", b"").split(b"\r\n")


def assert_folded_well(data):
    """CRLF only, every line at most 75 octets, no split UTF-8 sequence or escape."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line, following in zip(lines, [*lines[1:], b""], strict=True):
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75, line
        line.decode()  # raises on a UTF-8 sequence cut in two
        if following.startswith(b" "):
            assert not line.endswith(b"\\"), "an escape is split across a fold"


# Any text: controls, line breaks, surrogates, emoji, the characters TEXT escapes.
TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.characters(categories=["Cc", "Cs", "Zs", "Zl", "Zp"]),
        st.sampled_from('\\;,:"^\r\n\tåäöÅÄÖ€😀'),
    ),
    max_size=300,
)


def readable(value):
    """What ``value`` must come back as: CONTROL (bar HTAB) and lone surrogates gone,
    CRLF and CR as LF (RFC 5545 3.3.11 has one line break, written ``\\n``)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char
        for char in value
        if char in "\t\n"
        or not (ord(char) < 0x20 or char == "\x7f" or unicodedata.category(char) == "Cs")
    )


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_escapes_so_that_icalendar_reads_it_back(value):
    """escape_text(writable(x)), folded, parses back to x without the unwritable characters."""
    line = icaltext.encode_lines(["SUMMARY:" + icaltext.text(value)])
    assert_folded_well(line)
    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + line + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == readable(value)


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("rad ett\r\nrad två\nrad tre\rrad fyra", "rad ett\\nrad två\\nrad tre\\nrad fyra"),
        ("C:\\New", "C:\\\\New"),  # icalendar writes a line break here (its \N rule)
        ("tab\tkvar, nul\x00 och bell\x07 borta", "tab\tkvar\\, nul och bell borta"),
        ("x\ud800y", "xy"),
        ("", ""),
    ],
)
def test_text_values(value, escaped):
    """Backslash, semicolon, comma and line breaks escaped; controls dropped, HTAB kept."""
    assert icaltext.text(value) == escaped


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aåé€😀\\,;n^ "), min_size=70, max_size=700))
def test_folding_keeps_utf8_and_escapes_whole(value):
    """Long lines of multi-byte characters and escapes fold at most 75 octets a line."""
    data = icaltext.encode_lines(["DESCRIPTION:" + icaltext.text(value)])
    assert_folded_well(data)
    assert unfold(data)[0] == ("DESCRIPTION:" + icaltext.text(value)).encode()


def test_a_run_of_backslashes_still_folds():
    """74 escaped backslashes in a row cannot avoid ending a piece with one; nothing is lost."""
    value = "\\" * 200
    data = icaltext.encode_lines(["X:" + icaltext.text(value)])
    assert unfold(data)[0] == b"X:" + b"\\" * 400
    assert max(len(line) for line in data.split(b"\r\n")) <= 75


def test_datetimes():
    """UTC with Z, local without, whole seconds, four-digit years."""
    moment = datetime(2017, 5, 31, 7, 0, 59, 999_999, tzinfo=UTC)
    assert icaltext.utc_datetime(moment) == "20170531T070059Z"
    assert icaltext.local_datetime(moment, STOCKHOLM) == "20170531T090059"
    assert icaltext.utc_datetime(datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC)) == "09990102T030405Z"


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("65.316700"), "65.3167"), (Decimal("0.000010"), "0.00001"), (-21.5, "-21.5")],
)
def test_float_text_never_has_an_exponent(value, text):
    """GEO values are plain decimals (RFC 5545 FLOAT has no exponent)."""
    assert icaltext.float_text(value) == text


def test_parameter_values_are_quoted_or_refused():
    """A TZID with a colon is quoted; a DQUOTE or a line break cannot be written."""
    assert icaltext.param_value("Europe/Stockholm") == "Europe/Stockholm"
    assert icaltext.param_value("a:b") == '"a:b"'
    for value in ('a"b', "a\nb"):
        with pytest.raises(ValueError):
            icaltext.param_value(value)


# Rich text as the editor and the sanitizer write it.
WORDS = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs", "Cc"]),
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x85\xa0\u2028\u3000  &<>\"';,\\"),
    ),
    max_size=40,
)
INLINE = st.builds(
    lambda tag, words: f"<{tag}>{html.escape(words)}</{tag}>",
    st.sampled_from(["strong", "em", "b", "i", "span"]),
    WORDS,
) | st.builds(
    lambda href, words: (
        f'<a href="https://example.se/{html.escape(href)}">{html.escape(words)}</a>'
    ),
    WORDS,
    WORDS,
)
PARAGRAPH = st.lists(st.one_of(WORDS.map(html.escape), INLINE), max_size=5).map("".join)
BLOCK = st.one_of(
    PARAGRAPH.map("<p>{}</p>".format),
    PARAGRAPH.map("<h2>{}</h2>".format),
    st.lists(PARAGRAPH.map("<li>{}</li>".format), max_size=3).map("<ul>{}</ul>".format),
    st.just("<p><br></p>"),
    st.sampled_from(["&nbsp;", "&amp;", "&lt;b&gt;", "\n", "  "]),
)
RICH_TEXT = st.lists(BLOCK, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(RICH_TEXT)
def test_html_to_text_gives_what_strip_tags_gives_for_sanitized_html(value):
    """The fast conversion equals the strip_tags one on everything the sanitizer lets through."""
    sanitized = Event.sanitize_description(value)
    assert icaltext.html_to_text(sanitized) == ical_reference.html_to_text(sanitized)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/\"'=!-ap &;b\nx"), max_size=60))
def test_html_to_text_matches_strip_tags_even_unsanitized(value):
    """HTML stored without the sanitizer (bulk writes skip it) gives strip_tags' text too,
    except where strip_tags mangles a bare "&" ("AT&T" becomes "AT&T;")."""
    assume("&" not in value)
    assert icaltext.html_to_text(value) == ical_reference.html_to_text(value)


def test_html_to_text_examples():
    """Paragraphs, list items (and, as before, line breaks in the source) become lines;
    entities are decoded; other white space collapses."""
    value = (
        "<h2>Program</h2><p>Kaffe &amp; <strong>fralla</strong>,&nbsp; sedan\n samtal.</p>"
        '<ul><li><a href="https://example.se/?a=1&amp;b=2">Anmälan</a></li>'
        "<li>Lunch <em>ingår</em></li></ul><p><br></p><p>1 &lt; 2</p>"
    )
    assert icaltext.html_to_text(value) == (
        "Program\nKaffe & fralla, sedan\nsamtal.\nAnmälan\nLunch ingår\n1 < 2"
    )


def test_html_to_text_drops_controls_but_treats_control_spaces_as_spaces():
    """A NUL or BEL cannot be written; a unit separator is white space, as for split()."""
    assert icaltext.html_to_text("<p>a\x00b \x07 c\x1fd</p>") == "ab c d"


def test_html_text_is_remembered_per_description():
    """The second file with the same description converts nothing again."""
    icaltext.html_text.cache_clear()
    icaltext.html_text("<p>Ett</p>")
    icaltext.html_text("<p>Ett</p>")
    icaltext.html_text("<p>Två</p>")
    info = icaltext.html_text.cache_info()
    assert (info.hits, info.misses) == (1, 2)
