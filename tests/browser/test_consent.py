"""Cookie banner journeys in Chromium: reject and keep browsing, accept by keyboard.

After a choice the banner is gone on every later page, the consent cookie
holds exactly that choice, and no optional cookie or storage exists (C1.8,
C1.9, C1.12). Rejecting takes one press, like accepting (C1.5).
"""

import pytest
from django.urls import reverse

from kkn_portal.consent import registry, state

BANNER = "#consent-banner"
NECESSARY_COOKIES = {registry.CONSENT_COOKIE_NAME, "csrftoken"}
STORAGE_KEYS = "() => Object.keys(localStorage).length + Object.keys(sessionStorage).length"


def consent_cookie(context):
    """The visitor's stored choice, parsed the way the server parses it."""
    values = [c["value"] for c in context.cookies() if c["name"] == registry.CONSENT_COOKIE_NAME]
    assert values, "no consent cookie was set"
    return state.loads(values[0])


def assert_only_necessary(context, page):
    names = {cookie["name"] for cookie in context.cookies()}
    assert names <= NECESSARY_COOKIES, f"cookies beyond the necessary ones: {names}"
    assert page.evaluate(STORAGE_KEYS) == 0, "something was put in Web Storage"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_reject_then_keep_browsing(browser, live_server, demo, javascript):
    """ "Endast nödvändiga" hides the banner for good and stores no optional cookie."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(reverse("home"))
        assert page.locator(BANNER).is_visible()
        assert registry.CONSENT_COOKIE_NAME not in {c["name"] for c in context.cookies()}
        page.get_by_role("button", name="Endast nödvändiga").click()
        page.wait_for_selector(BANNER, state="detached")

        page.reload()
        assert page.locator(BANNER).count() == 0, "the banner came back after a reload"
        choice = consent_cookie(context)
        assert choice.has_chosen and choice.categories == frozenset()
        for name in ("news:index", "events:index", "consent:cookies"):
            page.goto(reverse(name))
            assert page.locator(BANNER).count() == 0, f"banner shown again on {name}"
        if javascript:
            assert_only_necessary(context, page)
        else:
            names = {cookie["name"] for cookie in context.cookies()}
            assert names <= NECESSARY_COOKIES, names
    finally:
        context.close()


def test_accept_with_keyboard_only(page, context, demo):
    """Tab to "Godkänn alla", press Enter: banner gone, focus in <main>, choice stored."""
    page.goto(reverse("home"))
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.textContent.trim(),"
            " getComputedStyle(document.activeElement).outlineStyle]"
        )
        if focused[0] == "Godkänn alla":
            break
    else:
        pytest.fail("the accept button cannot be reached with Tab")
    assert focused[1] != "none", "the focused accept button has no visible outline"
    page.keyboard.press("Enter")
    page.wait_for_selector(BANNER, state="detached")
    assert page.evaluate("document.activeElement.id") == "main"
    page.reload()
    assert page.locator(BANNER).count() == 0
    assert consent_cookie(context).categories == registry.OPTIONAL_KEYS
