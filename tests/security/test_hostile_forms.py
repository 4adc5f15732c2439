"""No visitor input gives a 5xx (issue 16, item 3): property-based, over every public form.

Every public form and filter (comments and "Vad saknade du?", the yes/no
answer, event registration, the three consent posts, search, the news and
event filters, the sitemap's pages), the admin login, the one-time
password page and every slug or token in an address (registration
confirmations and signed cancel links included) are sent
values drawn from what an attacker can put on the wire: any bytes
percent-encoded (so invalid UTF-8, encoded surrogates and NUL), any text,
strings past every column's length, huge and odd numbers (``?page=`` with
5 000 digits, ``1e309``, ``NaN``); and the headers every request carries
(cookies, Origin, Referer, X-Forwarded-For, Accept-Encoding, If-None-Match)
get any printable Latin-1. Every answer must be below 500. It runs on SQLite and on PostgreSQL (CI runs
the suite on both), where NUL, lengths and numbers hit real column types.

The budget (examples per test) keeps each test to a few seconds a run.
"""

from urllib.parse import quote_from_bytes

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.events.factories import local, make_event
from tests.feedback.helpers import patch_captcha
from tests.news.factories import make_article
from tests.registration.helpers import make_registrable

pytestmark = pytest.mark.django_db

FORM_CONTENT = "application/x-www-form-urlencoded"


def encoded(data):
    """``data`` (bytes) percent-encoded byte by byte, as it travels in a query or form body."""
    return quote_from_bytes(data, safe="")


# Values as they arrive on the wire, already percent-encoded.
VALUES = st.one_of(
    st.binary(max_size=60).map(encoded),
    st.text(max_size=60).map(lambda text: encoded(text.encode("utf-8", "surrogatepass"))),
    st.integers(min_value=140, max_value=3000).map(lambda n: "a" * n),
    st.integers(min_value=-(10**20), max_value=10**4000).map(str),
    st.integers(min_value=4300, max_value=6000).map(lambda n: "9" * n),
    st.sampled_from(
        [
            "%00",
            "a%00b",
            "%ED%A0%80",  # an encoded lone surrogate
            "%C3%28",  # invalid UTF-8
            "%FF%FE%FD",
            "%E2%80%AE%E2%81%A6",  # right-to-left override and isolate
            "-1",
            "0",
            "1e309",
            "NaN",
            "-inf",
            "last",
            "2017-13",
            "9999-99",
            "%2F%2Fevil.example%2F",
            "javascript%3Aalert(1)",
            "/%0d%0aSet-Cookie:x=1",
        ]
    ),
)

# (address, the names its view reads) for every public GET form or filter.
GET_TARGETS = [
    ("news:index", ("bransch", "page")),
    ("events:index", ("typ", "manad", "page")),
    ("events:past", ("typ", "manad", "page")),
    ("search:index", ("q", "page")),
    ("django.contrib.sitemaps.views.sitemap", ("p",)),
    ("home", ("kommentar", "hjalpte")),
    ("consent:cookies", ("sparat",)),
    ("admin:login", ("next",)),
]

# (address, the fields its form has) for every public POST form and the admin login.
POST_TARGETS = [
    ("feedback:post", ("text", "page_path", "leave_empty", "captcha", "after_no")),
    ("feedback:helpful", ("answer", "page_path")),
    ("consent:accept-all", ("next",)),
    ("consent:reject-all", ("next",)),
    ("consent:save", ("next", "statistik", "externa", "nodvandiga")),
    ("admin:login", ("username", "password", "next")),
    (
        "registration",
        (
            "name",
            "email",
            "organisation",
            "role",
            "municipality",
            "needs",
            "consent",
            "leave_empty",
            "captcha",
        ),
    ),
]
# The event the registration form belongs to (the site fixture makes it).
REGISTRABLE_SLUG = "natverkstraff-for-kulturchefer"

# Path segments: slugs, tokens and made-up pages (the flatpage fallback looks those up).
PATHS = st.sampled_from(
    ["/nyheter/{}/", "/evenemang/{}/", "/evenemang/{}.ics", "/forhandsvisning/{}/", "/{}/"]
    + ["/konto/losenord/{}/{}/", "/evenemang/{}/anmalan/{}/", "/evenemang/{}/anmalan/avboka/{}/"]
    + [
        f"/evenemang/{REGISTRABLE_SLUG}/anmalan/{{}}/",
        f"/evenemang/{REGISTRABLE_SLUG}/anmalan/avboka/{{}}/",
    ]
)

HYPOTHESIS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(django_settings):
    """A little published content, and limits high enough that every example is judged."""
    django_settings.FEEDBACK_RATE_LIMIT = "100000/m"
    django_settings.FEEDBACK_HELPFUL_RATE_LIMIT = "100000/m"
    django_settings.CONSENT_RATE_LIMIT = "100000/m"
    django_settings.REGISTRATION_RATE_LIMIT = "100000/m"
    make_article(title="Musik i länet")
    make_event(start=local(2031, 5, 31, 9), end=local(2031, 6, 1, 15))
    make_registrable(slug=REGISTRABLE_SLUG, capacity=2, waiting_list=True)


def form(draw, names):
    """A query or body: a few of ``names`` (some repeated) with drawn values, percent-encoded."""
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), VALUES), max_size=len(names) + 1))
    return "&".join(f"{name}={value}" for name, value in pairs)


@HYPOTHESIS
@given(target=st.sampled_from(GET_TARGETS), data=st.data())
def test_no_query_gives_a_server_error(browser, site, target, data):
    """Any query string on any public list, search or form page: below 500."""
    url_name, names = target
    query = form(data.draw, names)
    browser.raise_request_exception = False
    response = browser.get(reverse(url_name), QUERY_STRING=query)
    assert response.status_code < 500, (url_name, query[:300])


@HYPOTHESIS
@given(target=st.sampled_from(POST_TARGETS), data=st.data())
def test_no_form_post_gives_a_server_error(browser, site, target, data):
    """Any body posted to a public form or the admin login: below 500.

    The captcha is taken as solved, so hostile text goes all the way into
    the database; the admin login reaches authentication and django-axes.
    """
    url_name, names = target
    body = form(data.draw, names)
    if url_name == "registration":
        url = reverse("events:register", kwargs={"slug": REGISTRABLE_SLUG})
    else:
        url = reverse(url_name)
    browser.raise_request_exception = False
    with patch_captcha():
        response = browser.post(url, body, content_type=FORM_CONTENT)
    assert response.status_code < 500, (url_name, body[:300])


@HYPOTHESIS
@given(pattern=PATHS, segments=st.lists(VALUES, min_size=2, max_size=2))
def test_no_address_gives_a_server_error(browser, site, pattern, segments):
    """Any slug, token or made-up page in the address: below 500."""
    path = pattern.format(*segments)
    browser.raise_request_exception = False
    assert browser.get(path).status_code < 500, path[:300]


# What a client can put in a header: printable Latin-1 (the WSGI decoding), any length.
HEADER_VALUES = st.one_of(
    st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
        max_size=80,
    ),
    st.integers(min_value=1, max_value=8000).map(lambda n: "9" * n),
    st.sampled_from(["", "*", 'W/"x"', "::1", "http://[::1", "null", "br;q=nan, gzip;q=1e999"]),
)
HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "HTTP_COOKIE",
            "HTTP_ORIGIN",
            "HTTP_REFERER",
            "HTTP_X_FORWARDED_FOR",
            "HTTP_ACCEPT_ENCODING",
            "HTTP_IF_NONE_MATCH",
            "HTTP_SEC_FETCH_SITE",
            "HTTP_X_CONSENT_FETCH",
            "HTTP_ACCEPT_LANGUAGE",
        ]
    ),
    HEADER_VALUES,
    max_size=4,
)
COOKIE_NAMES = st.sampled_from(["kkn_consent", "sessionid", "csrftoken", "_pk_id.1", "x"])


@HYPOTHESIS
@given(
    url_name=st.sampled_from(["home", "news:index", "consent:reject-all", "feedback:post"]),
    headers=HEADERS,
    cookie=st.tuples(COOKIE_NAMES, HEADER_VALUES),
)
def test_no_header_gives_a_server_error(browser, site, django_settings, url_name, headers, cookie):
    """Any Cookie, Origin, Referer, X-Forwarded-For, Accept-Encoding or If-None-Match: below 500.

    The consent cookie, the session cookie and the page cache's header
    parsing all read these before any form does.
    """
    django_settings.TRUSTED_PROXY_COUNT = 1
    headers.setdefault("HTTP_COOKIE", f"{cookie[0]}={cookie[1]}")
    browser.raise_request_exception = False
    method = browser.get if url_name in ("home", "news:index") else browser.post
    response = method(reverse(url_name), **headers)
    assert response.status_code < 500, (url_name, headers)


@pytest.mark.parametrize("length", [151, 256, 300, 5000])
def test_long_username_is_a_form_error_not_a_500(browser, length):
    """A username over 150 characters (the column axes writes is 255) is refused by the form.

    No attempt is stored and no backend asked; on PostgreSQL this was a 500.
    """
    response = browser.post(
        reverse("admin:login"), {"username": "a" * length, "password": "x", "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("value", ["ab\x00cd", "\x00"])
@pytest.mark.parametrize("field", ["username", "password"])
def test_nul_in_the_login_is_a_form_error(browser, field, value):
    """NUL in either login field is refused by the form before PostgreSQL sees it."""
    data = {"username": "redaktor", "password": "x", field: value}
    response = browser.post(reverse("admin:login"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
