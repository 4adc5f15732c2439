"""'Hjälpte informationen dig?' in a real browser: in place with JavaScript, by form without.

"Nej" is counted, the thank-you is announced in the live status, and "Vad
saknade du?" opens; its text reaches the comment inbox marked as after a
"Nej" on that page. Without JavaScript the buttons post, the page comes
back with the thank-you, and nothing else changes.
"""

import re

import pytest

from feedback.models import Comment, HelpfulnessCount

from .test_pages import PAGES


@pytest.fixture
def article_path(demo):
    return PAGES["article"]()


def test_no_then_what_was_missing(probe, article_path):
    """Nej in place (no navigation), thank-you announced, follow-up sent with the real captcha."""
    page = probe.page
    probe.visit(article_path)
    section = page.locator("#hjalpte")
    section.get_by_role("button", name="Nej").click()
    status = section.get_by_role("status").filter(has_text="Tack för ditt svar!")
    status.wait_for()
    assert status.get_attribute("aria-live") == "polite"
    assert page.url.endswith(article_path), "answered in place"
    assert HelpfulnessCount.objects.get(page_path=article_path).no == 1
    box = section.get_by_label(re.compile("Beskriv vad du saknade"))
    box.fill("Programmet för dag två saknas.")
    problems = probe.problems()
    assert not problems, "after Nej:\n" + "\n".join(problems)
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_navigation(timeout=30_000):
        section.get_by_role("button", name="Skicka", exact=True).click()
    assert "kommentar=tack" in page.url
    comment = Comment.objects.get(text="Programmet för dag två saknas.")
    assert comment.after_no and comment.page_path == article_path


def test_yes_without_javascript(no_js_page, article_path):
    """Ja posts the form; the page comes back at the question with the thank-you."""
    page = no_js_page
    page.goto(article_path)
    with page.expect_navigation():
        page.locator("#hjalpte").get_by_role("button", name="Ja").click()
    assert page.url.endswith(f"{article_path}?hjalpte=ja#hjalpte")
    assert page.locator("#hjalpte").get_by_text("Tack för ditt svar!").is_visible()
    assert not page.locator("#hjalpte .helpful-follow-up").is_visible()
    assert HelpfulnessCount.objects.get(page_path=article_path).yes == 1
    assert page.context.cookies() == []
