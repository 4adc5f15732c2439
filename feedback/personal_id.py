"""Find and mask Swedish personal identity numbers in free text.

A personnummer is ``ÅÅMMDD-NNNK`` (10 digits) or ``ÅÅÅÅMMDDNNNK`` (12 digits),
with ``-``, ``+`` (the year a person turns 100) or no separator. A
samordningsnummer is the same with 60 added to the day. K is a Luhn (mod 10,
weights 2,1,2,…) check digit over the nine digits ``ÅÅMMDDNNN``. Only numbers
with a real date and a correct check digit count: anything else (phone
numbers, order numbers, ISO dates) is left alone.
"""

import datetime
import re

MASK = "[personnummer dolt]"

# Digits not touching other digits, so parts of longer numbers never match.
_CANDIDATE = re.compile(
    r"(?<!\d)(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+]?)(?P<serial>\d{3})(?P<check>\d)(?!\d)"
)

# Every candidate has at least six digits in a row; most texts have none, and
# this much simpler pattern rules them out several times faster.
_SIX_DIGITS = re.compile(r"\d{6}")


def luhn_check_digit(digits):
    """Return the check digit for a string of nine digits (weights 2,1,2,…)."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _is_real_date(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _has_valid_date(match):
    month = int(match["mm"])
    day = int(match["dd"])
    if day > 60:  # samordningsnummer: the day plus 60
        day -= 60
    yy = int(match["yy"])
    if match["century"]:
        return _is_real_date(int(match["century"]) * 100 + yy, month, day)
    # Without the century either reading will do (leap days differ by century).
    return _is_real_date(1900 + yy, month, day) or _is_real_date(2000 + yy, month, day)


def is_personal_id(match):
    """Tell whether a candidate match is a valid personnummer/samordningsnummer."""
    if match["century"] and match["sep"] == "+":
        return False  # the + form exists only with a two-digit year
    if not _has_valid_date(match):
        return False
    nine = match["yy"] + match["mm"] + match["dd"] + match["serial"]
    return luhn_check_digit(nine) == int(match["check"])


def personal_id_spans(text):
    """``(start, end)`` of every valid personal identity number in ``text``."""
    if not text or not _SIX_DIGITS.search(text):
        return []
    return [match.span() for match in _CANDIDATE.finditer(text) if is_personal_id(match)]


def find_personal_ids(text):
    """Return the valid personal identity numbers found in ``text``."""
    return [match.group(0) for match in _CANDIDATE.finditer(text or "") if is_personal_id(match)]


def contains_personal_id(text):
    """Tell whether ``text`` holds at least one valid personal identity number."""
    if not text or not _SIX_DIGITS.search(text):
        return False
    return any(is_personal_id(match) for match in _CANDIDATE.finditer(text))


def mask_personal_ids(text):
    """Replace every valid personal identity number in ``text`` with :data:`MASK`."""
    if not text or not _SIX_DIGITS.search(text):
        return text
    return _CANDIDATE.sub(
        lambda match: MASK if is_personal_id(match) else match.group(0),
        text,
    )
