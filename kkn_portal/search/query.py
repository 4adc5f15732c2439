"""Turning what a visitor typed into something safe to search for.

PostgreSQL refuses NUL bytes even as query parameters (RULES R4.5), and no
visitor means to search for a control character, so they are removed before
anything reaches the database. Very long queries are cut, not refused.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
# More words than this add nothing to a site search but cost SQL conditions.
MAX_WORDS = 10

# Cc: control characters (NUL, ESC, DEL ...); Cs: lone surrogates, which
# cannot be encoded as UTF-8; Cf/Co/Cn: format, private-use (used as
# highlight markers) and unassigned code points.
_REMOVED_CATEGORIES = {"Cc", "Cs", "Cf", "Co", "Cn"}
_WORD = re.compile(r"\w+")


def strip_control_characters(text):
    """Replace control and invisible characters with spaces."""
    return "".join(
        " " if unicodedata.category(char) in _REMOVED_CATEGORIES else char for char in text
    )


@dataclass(frozen=True)
class SearchQuery:
    """A cleaned query: the text to show back, its words, and whether it was cut."""

    text: str
    truncated: bool = False

    @classmethod
    def from_input(cls, raw):
        """Clean raw input: no control characters, single spaces, at most 200 characters."""
        text = " ".join(strip_control_characters(raw or "").split())
        truncated = len(text) > MAX_QUERY_LENGTH
        if truncated:
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return cls(text=text, truncated=truncated)

    @property
    def words(self):
        """The distinct words to look for, lower-cased, in order, at most ``MAX_WORDS``."""
        seen = []
        for word in _WORD.findall(self.text.lower()):
            if word not in seen:
                seen.append(word)
        return seen[:MAX_WORDS]

    def __bool__(self):
        return bool(self.words)
