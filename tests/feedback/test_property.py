"""Property-based test: no text a visitor can send makes the form answer 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db

TEXTS = st.one_of(
    st.text(max_size=300),
    # Surrogates, control and format characters (RTL marks) mixed with ordinary text.
    st.text(
        alphabet=st.one_of(st.characters(), st.characters(categories=["Cs", "Cc", "Cf"])),
        max_size=60,
    ),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\ud800",
            "x\udfffy",
            "\u200f\u202eعربي\u200e",
            "é" * 10_000,
            '=HYPERLINK("http://x")',
            "\r\n" * 50,
        ]
    ),
)


def raw_post(client, url, data):
    """Post an urlencoded body built byte by byte (lone surrogates cannot be encoded otherwise)."""
    body = urlencode(data, encoding="utf-8", errors="surrogatepass")
    return client.generic(
        "POST", url, body.encode("ascii"), content_type="application/x-www-form-urlencoded"
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXTS, title=st.text(max_size=40))
def test_any_text_gives_a_redirect_or_a_client_error(
    client, comment_url, text, title, django_settings
):
    """Any text and title (NUL, lone surrogates, RTL marks, 10 000 characters): 3xx or 4xx."""
    django_settings.FEEDBACK_RATE_LIMIT = "100000/m,100000/d"
    with patch_captcha():
        response = raw_post(client, comment_url, post_data(text=text, page_title=title))
    assert response.status_code in (303, 400), response.status_code


@pytest.fixture
def django_settings(settings):
    """pytest-django's settings fixture under a name that does not clash with hypothesis."""
    return settings
