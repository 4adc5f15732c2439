"""The "Kommentera sidan" form in a real browser, with the real ALTCHA widget.

A visitor writes a comment, ticks "Jag är inte en robot" (the widget solves
its proof of work in a Web Worker, from our own static files), sends, and
sees the thank-you message; the row is in the database. The same works
with the keyboard alone (C2.5). The form with errors and the thank-you
state pass the same page checks as every page.
"""

import re

import pytest

from feedback.models import Comment

from .test_pages import PAGES

VERIFIED = "#kommentera altcha-widget [data-state='verified']"
# True when one of the ids in aria-describedby is the field's error message.
TIED_TO_ERROR = """ids => ids.split(' ').some(
  id => document.getElementById(id)?.classList.contains('invalid-feedback'))"""


@pytest.fixture
def article_path(demo):
    return PAGES["article"]()


def solve_captcha(page):
    """Tick the widget's checkbox and wait until it reports "verified"."""
    page.locator("#kommentera altcha-widget input[type='checkbox']").check()
    page.wait_for_selector(VERIFIED, timeout=20_000)


def test_visitor_sends_comment_with_real_captcha(probe, article_path):
    """Write, solve the captcha in the browser, send: thank-you shown, row stored."""
    page = probe.page
    probe.visit(article_path)
    page.get_by_label(re.compile("Din kommentar")).fill(
        "Bra artikel, tack! Skriv gärna mer om Piteå."
    )
    solve_captcha(page)
    # The 303 leads back to the article, where the thank-you is shown.
    probe.submit(page.get_by_role("button", name="Skicka kommentar"))
    assert "kommentar=tack" in page.url
    thanks = page.get_by_role("status").filter(has_text="Tack för din kommentar")
    assert thanks.is_visible()
    comment = Comment.objects.get(text__startswith="Bra artikel, tack!")
    assert comment.page_path == article_path
    problems = probe.problems()
    assert not problems, "thank-you state:\n" + "\n".join(problems)


def test_empty_comment_shows_errors_that_pass_checks(probe, article_path):
    """Sending an empty form gives the error page (400): accessible, errors tied to fields.

    The browser's own required-field check is switched off first (as in a
    browser without constraint validation), so the server's errors show; the
    form still waits for the captcha before it sends.
    """
    page = probe.page
    probe.visit(article_path)
    before = Comment.objects.count()
    page.evaluate("document.querySelector('#id_comment_text').required = false")
    probe.submit(page.get_by_role("button", name="Skicka kommentar"), expected_status=400)
    assert page.get_by_role("alert").is_visible()
    textarea = page.get_by_label(re.compile("Din kommentar"))
    assert textarea.get_attribute("aria-invalid") == "true"
    described = textarea.get_attribute("aria-describedby") or ""
    assert page.evaluate(TIED_TO_ERROR, described), f"error not tied to the field: {described!r}"
    problems = probe.problems()
    assert not problems, "form with errors:\n" + "\n".join(problems)
    assert Comment.objects.count() == before


def tab_until(page, predicate, limit=80):
    """Press Tab until ``predicate`` (JS, on document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached an element where {predicate}")


def test_comment_with_keyboard_only(page, article_path):
    """Skip link, Tab to the comment box, type, Space on the captcha, Enter: sent."""
    page.goto(article_path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    tab_until(page, "el.name === 'text'")
    page.keyboard.type("Skickat med tangentbordet.")
    tab_until(page, "el.type === 'checkbox' && !!el.closest('altcha-widget')")
    page.keyboard.press("Space")
    page.wait_for_selector(VERIFIED, timeout=20_000)
    tab_until(page, "el.type === 'submit' && !!el.closest('form.comment-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kommentar=tack" in page.url
    assert Comment.objects.filter(text="Skickat med tangentbordet.").exists()
