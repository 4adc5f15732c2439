"""Text for iCalendar files: rich text as plain text, TEXT values, content lines.

``icalendar`` builds objects for every property and parameter; for the
calendar feed that came to about 3 M CPU instructions per event. Writing the
few value types a VEVENT here needs (TEXT, DATE-TIME, INTEGER, URI, FLOAT)
as strings costs a few per cent of that. Every rule is checked against
``icalendar`` and against arbitrary text in ``tests/events/test_ical_text.py``.
"""

import functools
import html
import re
from datetime import UTC

from django.utils.html import strip_tags

# RFC 5545 3.1: content lines SHOULD NOT be longer than 75 octets. A piece is
# at most 74, so a continuation line with its leading space is at most 75.
FOLD_LIMIT = 75
# One piece of a folded line: up to 74 octets, never ending inside a UTF-8
# sequence, and never ending with "\" (or an RFC 6868 "^"), so no escape is
# split: Google Calendar and Outlook mis-join "\" + fold + "n" (icalendar
# #1501). The second branch only serves a run of 74 backslashes.
_PIECE = re.compile(rb"(?s).{1,74}(?:(?<![\\^])|\Z)(?![\x80-\xbf])|.{1,74}(?![\x80-\xbf])")
# Characters no TEXT value may hold (3.3.11: CONTROL other than HTAB; CR and
# LF are escaped instead), and lone surrogates, which have no UTF-8 form.
# icalendar passes them through and so writes files calendar programs refuse.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# The same, less the controls that split() and splitlines() treat as white space.
_NON_SPACE_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f\ud800-\udfff]")
# Latin-1 characters that are white space other than " " and "\n", or controls.
_UNTIDY_LATIN1 = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F, 0x85, 0xA0])
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol)>|<br\s*/?>", re.IGNORECASE)
# A start or end tag whose attributes are all name="value": all that the
# sanitizer (nh3) writes. Any "<" left after removing these (a comment, a
# single-quoted or unquoted value, a stray "<") sends the text through
# strip_tags instead, so odd HTML is read exactly as before.
_SIMPLE_TAG = re.compile(r'</?[A-Za-z][^<>"\'=]*(?:="[^"]*"[^<>"\'=]*)*>')
# Two digits for each number below 100: indexing beats "%02d" formatting.
_TWO_DIGITS = [f"{number:02d}" for number in range(100)]


def writable(value):
    """``value`` without the characters TEXT cannot hold (HTAB, CR and LF stay).

    ``isprintable()`` answers for most values at a fraction of a search's cost.
    """
    if value.isprintable():
        return value
    return _UNWRITABLE.sub("", value)


def escape_text(value):
    """A ``writable()`` string as an RFC 5545 TEXT value (3.3.11), to follow ``NAME:``.

    Backslash, semicolon and comma get a backslash; CRLF, CR and LF become
    ``\\n``. Each ``replace`` is guarded: a search is much cheaper than a
    replace that finds nothing, and most values hold few of these characters.
    """
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "," in value:
        value = value.replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    return value


def text(value):
    """Any text as a TEXT value: unwritable characters dropped, then escaped."""
    return escape_text(writable(str(value)))


def html_to_text(value):
    """Sanitized rich text as plain text, one line per paragraph or list item.

    The same text as ``strip_tags`` and collapsing white space line by line,
    at a fraction of the cost: tags go with one regular expression when every
    ``<`` belongs to a simple tag (always so after sanitizing), and lines are
    only split into words when they have white space to collapse. The result
    is ``writable()``.
    """
    value = _BLOCK_END.sub("\n", value or "")
    plain = _SIMPLE_TAG.sub("", value)
    if "<" in plain:
        plain = strip_tags(value)
    if "&" in plain:
        plain = html.unescape(plain)
    lines = plain.split("\n")
    if _is_tidy(plain, lines):
        return "\n".join(filter(None, lines))
    # Controls that are not white space cannot be written; the others count
    # as spaces and line breaks, as they do for split() and splitlines().
    plain = _NON_SPACE_CONTROLS.sub("", plain)
    lines = (" ".join(line.split()) for line in plain.splitlines())
    return "\n".join(line for line in lines if line)


def _is_tidy(plain, lines):
    """True when ``plain`` (split into ``lines``) has nothing to collapse or drop.

    That is: no white space but single spaces inside lines and "\\n"
    between them, and no control character. Latin-1 text (Swedish is) is
    checked with one byte translation, a third of ``isprintable()``'s cost.
    """
    if "  " in plain or list(map(str.strip, lines)) != lines:
        return False
    try:
        data = plain.encode("latin-1")
    except UnicodeEncodeError:
        # Printable characters include no white space but " ", and no controls.
        return all(map(str.isprintable, lines))
    return len(data.translate(None, _UNTIDY_LATIN1)) == len(data)


@functools.lru_cache(maxsize=1024)
def html_text(value):
    """``html_to_text(value)`` as a TEXT value, remembered per process.

    Converting descriptions is the largest part of writing the feed (a
    quarter of its cost), and they rarely change: the feed is built again
    whenever any public content changes, mostly with the same descriptions.
    Keyed by the HTML itself, so an entry cannot go stale; at a few kB a
    description, 1 024 entries take a few MB per process.
    """
    return escape_text(html_to_text(value))


def utc_datetime(value):
    """An aware datetime as a UTC DATE-TIME ("19970714T173000Z"), whole seconds."""
    return _datetime_digits(value.astimezone(UTC)) + "Z"


def local_datetime(value, zone):
    """An aware datetime as a DATE-TIME in ``zone``'s local time, for a TZID parameter."""
    return _datetime_digits(value.astimezone(zone))


def _datetime_digits(value):
    """The digits of a DATE-TIME ("19970714T173000"): seconds, no fraction."""
    two = _TWO_DIGITS
    year = value.year
    return (
        f"{two[year // 100]}{two[year % 100]}{two[value.month]}{two[value.day]}"
        f"T{two[value.hour]}{two[value.minute]}{two[value.second]}"
    )


def float_text(value):
    """A FLOAT value (3.3.7) from a Decimal or float: "65.3167", never an exponent.

    ``repr(float)`` (icalendar's way) writes 0.00001 as "1e-05", which FLOAT
    does not allow. Six decimals are what the coordinate columns hold.
    """
    return f"{value:f}".rstrip("0").rstrip(".")


def param_value(value):
    """A parameter value (3.2), quoted when it holds ``:``, ``;`` or ``,``.

    Only trusted names are passed (a TZID). A parameter cannot escape
    anything, so DQUOTE and control characters are refused, not mangled.
    """
    if '"' in value or not value.isprintable():
        raise ValueError(f"not writable as an iCalendar parameter: {value!r}")
    return f'"{value}"' if any(char in value for char in ":;,") else value


def fold(data):
    """One content line (UTF-8, no line break) folded into pieces of at most 74 octets."""
    if len(data) < FOLD_LIMIT:
        return data
    return b"\r\n ".join(_PIECE.findall(data))


def encode_lines(lines):
    """Content lines (``str``) as an iCalendar stream: UTF-8, folded, CRLF after each.

    Every TEXT value in ``lines`` must be escaped and ``writable()``; no
    other value may hold a line break.
    """
    encoded = map(str.encode, lines)
    folded = [data if len(data) < FOLD_LIMIT else fold(data) for data in encoded]
    return b"\r\n".join(folded) + b"\r\n"
