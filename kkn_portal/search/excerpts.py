"""Result excerpts with the matched words highlighted, safe to put in a page.

Only ``<mark>`` is markup; every other character of the stored text is
escaped here, whichever backend produced the excerpt.
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# Private-use characters: they never occur in a cleaned query, and an
# editor typing them into an article would at worst produce an extra <mark>.
START_SEL = "\ue000"
STOP_SEL = "\ue001"
EXCERPT_WORDS = 35
_HIGHLIGHT = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)


def plain_text(*parts):
    """Rich-text fields joined as plain text: tags removed, entities decoded."""
    return " ".join(html.unescape(strip_tags(part or "")) for part in parts).strip()


def render_highlighted(marked):
    """Turn text with START_SEL/STOP_SEL markers into escaped HTML with ``<mark>``."""
    pieces = []
    position = 0
    for match in _HIGHLIGHT.finditer(marked):
        pieces.append(escape(marked[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(1))}</mark>")
        position = match.end()
    pieces.append(escape(marked[position:]))
    cleaned = "".join(pieces).replace(START_SEL, "").replace(STOP_SEL, "")
    return mark_safe(cleaned)  # noqa: S308 - every piece above is escaped


def headline_html(headline):
    """A PostgreSQL ``ts_headline`` result (HTML source with markers) as safe HTML."""
    return render_highlighted(plain_text(headline))


def excerpt_html(text, words, length=EXCERPT_WORDS):
    """An excerpt of plain ``text`` around the first of ``words``, matches marked.

    The database-independent counterpart of ``ts_headline``, used on SQLite.
    """
    if not words:
        return render_highlighted(Truncator(text).words(length))
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    if first:
        # Start a few words before the first match, at a word boundary.
        before = text[: first.start()].split()
        text = " ".join(before[-8:]) + " " + text[first.start() :]
        if len(before) > 8:
            text = "… " + text
    text = Truncator(text.strip()).words(length)
    return render_highlighted(pattern.sub(lambda m: f"{START_SEL}{m.group(0)}{STOP_SEL}", text))
