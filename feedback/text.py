"""Clean comment text and spot contact details in it.

Visitors' text is kept as written apart from what no database or screen
should hold: NUL and other control characters (newlines and tabs stay),
lone surrogates (which PostgreSQL cannot store) and surrounding whitespace.
"""

import re
import unicodedata

# Kept control characters: line breaks and tabs belong to ordinary writing.
_KEPT_CONTROLS = {"\n", "\t"}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Swedish phone number: 0 or +46, then 6–12 more digits, single spaces or
# dashes allowed between them (070-174 06 05, 0980-12 34 56, +46 70 1740605).
_PHONE = re.compile(r"(?<![\w+])(?:\+46[\s-]?(?:\(0\))?|0)\d(?:[\s-]?\d){5,11}(?!\d)")


def clean_text(value):
    """Return ``value`` without control characters or surrogates, trimmed."""
    if value is None:
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(
        char
        for char in value
        if char in _KEPT_CONTROLS or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return value.strip()


def clean_line(value, max_length):
    """One line of text (a page title): cleaned, no line breaks, cut to length."""
    value = clean_text(value).replace("\n", " ").replace("\t", " ")
    return " ".join(value.split())[:max_length]


def mentions_contact_details(text):
    """Tell whether ``text`` contains an e-mail address or a phone number."""
    text = text or ""
    return bool(_EMAIL.search(text) or _PHONE.search(text))
