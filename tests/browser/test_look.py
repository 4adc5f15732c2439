"""The portal on a desktop and a phone (issue 14): screenshots, reflow, banner, tap targets, images.

Screenshots of the start page, an article with an image, an event page and
/cookies/ at 1280, 375 and 320 CSS px go to ``test-output/screenshots/``
(kept out of git) for a person to look at. The checks:
- no sideways scrolling, and no word of the cookie table broken inside its letters;
- the cookie banner within a third of a 375 x 812 screen, its two choices equal;
- every tap target at least 24 x 24 CSS px (WCAG 2.2 2.5.8; links inside a sentence are exempt);
- a keyboard user reaches the header search in a few steps;
- images reserve their box (no layout shift) and have alt text or are decorative.
"""

from pathlib import Path

import pytest
from django.conf import settings

from events.models import Event
from news.models import Article

SHOTS = Path(settings.BASE_DIR) / "test-output" / "screenshots"
WIDTHS = (1280, 375, 320)


def pages():
    """The four pages the issue asks to look at, as (name, path)."""
    article = Article.objects.published().exclude(image="").order_by("-published_at").first()
    event = Event.objects.published().exclude(image="").first()
    return [
        ("start", "/"),
        ("article-with-image", article.get_absolute_url()),
        ("event", event.get_absolute_url()),
        ("cookies", "/cookies/"),
    ]


# Words (runs of letters) drawn on more than one line: a word broken inside.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.consent-table th, .consent-table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# Visible links, buttons and fields smaller than 24 x 24 that are not inside a sentence.
SMALL_TARGETS_JS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.comment-trap, .visually-hidden, .skip-link')) continue;
    const parent = el.parentElement;
    const inline = getComputedStyle(el).display === 'inline'
      && parent && parent.textContent.trim() !== el.textContent.trim();
    if (inline) continue;  // inside a sentence: WCAG 2.5.8's inline exception
    if (box.width < 24 || box.height < 24) small.push(`${el.outerHTML.slice(0, 80)} ${box.width}x${box.height}`);
  }
  return small;
}"""

LAYOUT_SHIFT_JS = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_no_sideways_scroll(demo, page, width):
    """Each of the four pages at each width: a screenshot, and nothing wider than the screen."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in pages():
        page.goto(demo.url + path, wait_until="networkidle")
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls {overflow} px sideways at {width} px"
        assert not page.evaluate(SMALL_TARGETS_JS), f"{name} at {width} px"


@pytest.mark.parametrize("width", WIDTHS)
def test_cookie_table_breaks_no_word(demo, page, width):
    """At every width each word of the cookie table stays on one line."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url + "/cookies/", wait_until="networkidle")
    assert page.locator(".consent-table").count() > 0
    assert page.evaluate(BROKEN_WORDS_JS) == []


def test_cookie_banner_fits_a_third_of_a_phone_with_equal_choices(demo, page):
    """375 x 812: the banner is at most 271 px high; its two buttons have the same size."""
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(demo.url + "/", wait_until="networkidle")
    banner = page.locator("#consent-banner").bounding_box()
    assert banner["height"] <= 812 / 3, banner
    boxes = [button.bounding_box() for button in page.locator(".consent-banner button").all()]
    assert len(boxes) == 2
    assert boxes[0]["width"] == pytest.approx(boxes[1]["width"], abs=1)
    assert boxes[0]["height"] == pytest.approx(boxes[1]["height"], abs=1)


def test_keyboard_reaches_header_search(demo, page):
    """From the top of the page, Tab reaches the search field within three steps."""
    page.goto(demo.url + "/nyheter/", wait_until="networkidle")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("konferens")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=konferens")


@pytest.mark.parametrize("width", (1280, 375))
def test_images_cause_no_layout_shift_and_have_alt(demo, page, width):
    """Pages with images: every img has width, height and alt; no layout shift while loading."""
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in pages()[:3]:
        page.goto(demo.url + path, wait_until="networkidle")
        images = page.evaluate(
            "[...document.images].map(i => [i.getAttribute('width'), i.getAttribute('height'),"
            " i.hasAttribute('alt'), i.currentSrc])"
        )
        assert images, name
        for width_attr, height_attr, has_alt, source in images:
            assert width_attr and height_attr and has_alt, (name, source)
        assert page.evaluate(LAYOUT_SHIFT_JS) < 0.01, name
