"""The ``truncated`` filter (portal tags): exactly Django's ``truncatechars``, cheaper."""

import pytest
from django.template import Context, Template
from django.template.defaultfilters import truncatechars
from django.utils.safestring import mark_safe

from kkn_portal.templatetags.portal import truncated

TEXTS = [
    "",
    "Kort ingress.",
    "x" * 10,
    "x" * 11,
    "Åre, Älvsbyn och Överkalix " * 3,
    "a\u0308" * 12,  # decomposed ä: NFC makes it shorter
    "e\u0301\u0301" * 6,  # combining marks that do not compose away
    "\u0958" * 8,  # a character that NFC writes as two
    "\u0958" * 6,
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("length", [1, 5, 10, 11, 12, 30])
def test_the_same_text_as_truncatechars(text, length):
    """Cut or not, normalised or not: character for character the same."""
    assert truncated(text, length) == truncatechars(text, length)


def test_escaped_in_a_template_unless_safe():
    """A visitor's or editor's text is escaped after cutting; safe text stays safe."""
    source = "{% load portal %}{{ text|FILTER:8 }}|{{ safe|FILTER:30 }}"
    context = {"text": "<b>fet</b> text", "safe": mark_safe("<b>fet</b>")}
    ours = Template(source.replace("FILTER", "truncated")).render(Context(context))
    assert ours == "&lt;b&gt;fet&lt;…|<b>fet</b>"
    assert ours == Template(source.replace("FILTER", "truncatechars")).render(Context(context))
