"""Keyboard-only use: the skip link is the first stop and lands in <main> (C2.4)."""

import pytest
from django.urls import reverse

FOCUSED_INFO = """() => {
  const el = document.activeElement;
  return {
    tag: el.tagName.toLowerCase(),
    cls: el.className,
    inMain: !!el.closest('main'),
    // Inside <main> or after it in document order (not back in the header).
    fromMainOn: document.querySelector('main').contains(el)
      || !!(document.querySelector('main').compareDocumentPosition(el)
            & Node.DOCUMENT_POSITION_FOLLOWING),
    outline: getComputedStyle(el).outlineStyle,
  };
}"""


@pytest.mark.parametrize("name", ["home", "accessibility"])
def test_skip_link_is_first_and_moves_focus_to_main(demo, page, name):
    """Tab once focuses a visible skip link; Enter puts focus inside <main>."""
    page.goto(reverse(name))
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_INFO)
    assert focused["tag"] == "a" and "skip-link" in focused["cls"], focused
    assert focused["outline"] != "none", "the focused skip link has no visible outline"
    skip_link = page.locator("a.skip-link")
    box = skip_link.bounding_box()
    assert box and box["y"] >= 0, f"the focused skip link is off screen: {box}"

    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED_INFO)["inMain"], "focus did not move into <main>"
    # The next Tab continues from the main content on, not back at the top.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_INFO)["fromMainOn"], "Tab after the skip link went back up"
