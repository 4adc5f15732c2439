"""Cleaning the query and rendering excerpts: no database needed."""

import pytest

from kkn_portal.search.excerpts import (
    START_SEL,
    STOP_SEL,
    excerpt_html,
    headline_html,
    render_highlighted,
)
from kkn_portal.search.query import MAX_QUERY_LENGTH, MAX_WORDS, SearchQuery


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("  konferens  ", "konferens"),
        ("kon\x00ferens", "kon ferens"),
        ("musik\x1b[31m\x7f", "musik [31m"),
        ("rad\r\nbrytning\t", "rad brytning"),
        ("\ud800ensam", "ensam"),
        (None, ""),
    ],
)
def test_control_characters_and_nul_are_removed(raw, text):
    """NUL, escape, DEL, line breaks and lone surrogates never reach the database."""
    assert SearchQuery.from_input(raw).text == text


def test_long_query_is_truncated_and_flagged():
    """Over 200 characters: cut to 200, and the page says so."""
    query = SearchQuery.from_input("a" * 10_000)
    assert len(query.text) == MAX_QUERY_LENGTH and query.truncated
    assert not SearchQuery.from_input("a" * MAX_QUERY_LENGTH).truncated


def test_words_are_lowercased_unique_and_capped():
    """Words are the \\w+ runs of the query, distinct, at most ten."""
    assert SearchQuery.from_input("Näring, NÄRING och musik!").words == ["näring", "och", "musik"]
    many = " ".join(f"ord{n}" for n in range(30))
    assert len(SearchQuery.from_input(many).words) == MAX_WORDS


@pytest.mark.parametrize("raw", ["", "   ", "'", "%", "\\", "<>", "\x00"])
def test_queries_without_words_are_empty(raw):
    """Punctuation alone is nothing to search for."""
    assert not SearchQuery.from_input(raw)


def test_only_mark_is_markup_in_excerpts():
    """Everything but the highlight is escaped, whatever the stored text holds."""
    html = render_highlighted(f'<script>x</script> & {START_SEL}<b>träff</b>{STOP_SEL} "q"')
    assert (
        html
        == "&lt;script&gt;x&lt;/script&gt; &amp; <mark>&lt;b&gt;träff&lt;/b&gt;</mark> &quot;q&quot;"
    )


def test_headline_html_decodes_entities_before_escaping():
    """ts_headline returns HTML source; entities are decoded once, then escaped once."""
    headline = f"Kultur &amp; {START_SEL}näringar{STOP_SEL} &lt;script&gt;"
    assert headline_html(headline) == "Kultur &amp; <mark>näringar</mark> &lt;script&gt;"


def test_excerpt_starts_near_the_first_match_and_marks_every_match():
    """The SQLite excerpt shows the words around the first match, all matches marked."""
    text = " ".join(f"ord{n}" for n in range(100)) + " Konferens i Piteå, konferensen"
    html = excerpt_html(text, ["konferens"])
    assert html.startswith("… ord92")
    assert html.count("<mark>") == 2
    assert "<mark>Konferens</mark>" in html
