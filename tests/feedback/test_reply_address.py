"""Comments get no answer: the thank-you, the no-JavaScript note and the footer say where to write."""

import re

import pytest
from django.urls import reverse

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db
ADDRESS = "svar@region.example.se"


@pytest.fixture
def reply_address(settings):
    """A reply address of our own, so the test sees the setting and not a default."""
    settings.FEEDBACK_REPLY_ADDRESS = ADDRESS
    settings.PAGE_CACHE_ENABLED = False
    return ADDRESS


def _section(html):
    start = html.index('id="kommentera"')
    return html[start : html.index("</section>", start)]


def test_thank_you_says_no_answer_comes_and_where_to_write(client, reply_address):
    """The thank-you says comments are not answered and links the reply address."""
    section = _section(client.get(reverse("home") + "?kommentar=tack").content.decode())
    assert "Du får inget svar på en kommentar" in section
    assert f'href="mailto:{ADDRESS}"' in section


def test_footer_shows_the_reply_address_on_every_page(client, reply_address):
    """The footer's contact block carries the same address."""
    html = client.get(reverse("news:index")).content.decode()
    footer = html[html.index("<footer") :]
    assert f'<a href="mailto:{ADDRESS}">{ADDRESS}</a>' in footer


def test_no_javascript_note_names_the_address_and_asks_for_no_box(client, reply_address):
    """Without JavaScript there is no box to tick: the note offers e-mail to the address."""
    section = _section(client.get(reverse("home")).content.decode())
    [note] = re.findall(r"<noscript>(.*?)</noscript>", section, re.S)
    assert f'href="mailto:{ADDRESS}"' in note
    assert "Kryssa" not in note and "rutan" not in note


def test_post_without_captcha_names_the_address_not_a_box(client, comment_url, reply_address):
    """A post from a browser without JavaScript: the error offers e-mail, the text is kept."""
    with patch_captcha():
        response = client.post(comment_url, post_data(captcha="", text="Min text"))
    html = response.content.decode()
    assert response.status_code == 400
    assert f"mejla din kommentar till {ADDRESS}" in html
    assert "Kryssa i rutan" not in html
    assert "Min text</textarea>" in html
