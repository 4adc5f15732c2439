"""Permissions-Policy in Chromium (issue 16, item 7): every feature it names is one the browser knows.

Chromium reports an unknown feature as a console *warning*, which the page
probe (errors only) would not see; so every console message is read here.
"""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("url_name", ["home", "admin:login"])
def test_chromium_accepts_the_whole_policy(demo, page, url_name):
    """The header arrives and Chromium has nothing to say about it."""
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    response = page.goto(reverse(url_name))
    page.wait_for_timeout(200)
    assert "camera=()" in response.headers["permissions-policy"]
    assert [text for text in messages if "Permissions-Policy" in text] == []
