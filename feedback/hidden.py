"""Invisible and direction-changing characters in visitors' text (issue 16, item 6).

Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), direction marks
(U+200E, U+200F, U+061C), embeddings and overrides (U+202A–U+202E) and
isolates (U+2066–U+2069) change what a reader sees without being seen
themselves: a right-to-left override shows "…txet" for "text…" (the
"Trojan Source" trick), and a zero-width space inside a personnummer hides
it from the masking. A comment is stored as received (a public record), so
they stay in the database; the comment is flagged, and every display
(admin, e-mail, CSV) shows each one visibly as ``[U+202E]``, with personal
identity numbers masked as if the characters were not there.
"""

import re

from feedback.personal_id import MASK, mask_personal_ids, personal_id_spans

HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def has_hidden_characters(text):
    """Tell whether ``text`` holds any invisible or direction-changing character."""
    return bool(text) and HIDDEN.search(text) is not None


def reveal(text):
    """``text`` with each invisible or direction-changing character written as ``[U+XXXX]``."""
    return HIDDEN.sub(lambda match: f"[U+{ord(match.group()):04X}]", text or "")


def without_hidden(text):
    """``text`` without its invisible and direction-changing characters (as a reader sees it)."""
    return HIDDEN.sub("", text or "")


def masked(text, *, shown=True):
    """``text`` with personal identity numbers masked, also when hidden characters split them.

    Numbers are looked for in the text as a reader sees it; each one found
    is replaced in the original, hidden characters inside it included. With
    ``shown`` (every display) the remaining hidden characters are revealed;
    without it (masking before storing) they are kept as they came.
    """
    text = text or ""
    if not HIDDEN.search(text):
        return mask_personal_ids(text)  # the common case, without the walk below
    show = reveal if shown else str
    visible = [index for index, char in enumerate(text) if not HIDDEN.match(char)]
    seen = "".join(text[index] for index in visible)
    parts, position = [], 0
    for start, end in personal_id_spans(seen):
        first, last = visible[start], visible[end - 1] + 1
        parts += [show(text[position:first]), MASK]
        position = last
    parts.append(show(text[position:]))
    return "".join(parts)
