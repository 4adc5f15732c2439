"""The comment form never loses a click, moves focus to its errors, and works without JavaScript.

A visitor who types and clicks "Skicka kommentar" at once, before the
ALTCHA proof of work is done, sees "Kontrollerar att du inte är en robot …"
and then the thank-you. After an error, focus is on the error summary.
Without JavaScript the form says where to e-mail instead, and a post
without the check comes back with the text kept and that address named.
"""

import re

import pytest
from django.conf import settings

from feedback.models import Comment

from .test_pages import PAGES


@pytest.fixture
def article_path(demo):
    return PAGES["article"]()


def test_quick_click_waits_for_the_check_and_sends(page, article_path):
    """Type and click within a second: the status speaks, then the thank-you comes."""
    # The proof of work may finish in a moment (its number is random): the
    # challenge is held back until the click has happened, so the click is
    # always "too quick" and the wait is what is tested.
    held = []
    page.route(re.compile(r"/kommentera/utmaning/"), lambda route: held.append(route))
    page.goto(article_path)
    box = page.get_by_label(re.compile("Din kommentar"))
    status = page.locator("#id_comment_text_status")
    assert status.get_attribute("aria-live") == "polite"
    box.fill("Skickat direkt.")
    page.get_by_role("button", name="Skicka kommentar").click()
    status.filter(has_text="Kontrollerar att du inte är en robot").wait_for(timeout=5_000)
    with page.expect_navigation(timeout=30_000):
        for route in held:
            route.continue_()
    assert "kommentar=tack" in page.url
    assert page.get_by_role("status").filter(has_text="Tack för din kommentar").is_visible()
    assert Comment.objects.filter(text="Skickat direkt.", page_path=article_path).exists()


def test_focus_moves_to_the_error_summary(page, article_path):
    """A too long comment comes back with the error summary focused and its h2 heading."""
    page.goto(article_path)
    box = page.get_by_label(re.compile("Din kommentar"))
    # Past the field's own maxlength, as a browser that ignores it would send.
    page.evaluate("document.querySelector('#id_comment_text').removeAttribute('maxlength')")
    box.fill("x" * 2001)
    with page.expect_navigation(timeout=30_000):
        page.get_by_role("button", name="Skicka kommentar").click()
    page.wait_for_function(
        "document.activeElement && document.activeElement.id === 'comment-errors'"
    )
    heading = page.locator("#comment-errors h2")
    assert "kunde inte skickas" in heading.inner_text()


def test_without_javascript_the_form_says_where_to_write(no_js_page, article_path):
    """The note names the address; sending anyway keeps the text and names it again."""
    page = no_js_page
    page.goto(article_path)
    address = settings.FEEDBACK_REPLY_ADDRESS
    note = page.locator("noscript, .alert-info").filter(has_text="JavaScript").first
    assert address in note.inner_text()
    page.get_by_label(re.compile("Din kommentar")).fill("Utan JavaScript.")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Skicka kommentar").click()
    assert navigation.value.status == 400
    summary = page.locator("#comment-errors")
    assert f"mejla din kommentar till {address}" in summary.inner_text()
    assert "Kryssa" not in summary.inner_text()
    assert page.get_by_label(re.compile("Din kommentar")).input_value() == "Utan JavaScript."
    assert not Comment.objects.filter(text="Utan JavaScript.").exists()
