"""HTTP caching by the book: ETag and 304, Cache-Control, Vary, and compressed bodies."""

import gzip
from unittest import mock

import brotli
import pytest
from django.test import Client
from django.urls import reverse

from kkn_portal.pagecache import store
from kkn_portal.pagecache.keys import accepted_coding
from tests.events.factories import make_event
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

HTML_PAGES = ["home", "news:index", "events:index", "events:past"]


@pytest.mark.parametrize("name", HTML_PAGES)
def test_public_page_headers(name, settings):
    """ETag, Cache-Control public with max-age and s-maxage from settings, Vary on what varies."""
    settings.PAGE_MAX_AGE, settings.PAGE_S_MAXAGE = 45, 20
    response = Client().get(reverse(name))
    assert response["Cache-Control"] == "public, max-age=45, s-maxage=20"
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert response["Vary"] == "Cookie, Accept-Encoding"
    assert response["Content-Length"] == str(len(response.content))
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Frame-Options"] == "DENY", "headers of inner middleware are kept"
    assert "Content-Security-Policy" in response


def test_feeds_and_calendars_do_not_vary_on_cookies():
    """Responses without the banner are one entry for everyone: Vary names the encoding only."""
    event = make_event()
    for url in (
        reverse("news:feed"),
        reverse("events:calendar"),
        reverse("events:ics", kwargs={"slug": event.slug}),
        "/sitemap.xml",
        "/robots.txt",
    ):
        response = Client().get(url)
        assert response["Vary"] == "Accept-Encoding", url
        assert response["Cache-Control"].startswith("public"), url


@pytest.mark.parametrize("url_name", ["home", "news:feed", "events:calendar"])
def test_if_none_match_gets_304_without_rendering(url_name, django_assert_num_queries):
    """A client that has the page revalidates it: 304, no body, no query, same validators."""
    make_article()
    make_event()
    url = reverse(url_name)
    first = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    with django_assert_num_queries(0):
        again = Client().get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["Vary"] == first["Vary"]


@pytest.mark.parametrize(
    "if_none_match",
    ['W/"{tag}"', '"other", "{tag}"', "*"],
    ids=["weak", "list", "star"],
)
def test_if_none_match_forms(if_none_match):
    """Weak comparison, lists and ``*`` all match (RFC 9110 13.1.2)."""
    url = reverse("home")
    tag = Client().get(url)["ETag"].strip('"')
    response = Client().get(url, HTTP_IF_NONE_MATCH=if_none_match.format(tag=tag))
    assert response.status_code == 304


def test_an_edit_changes_the_etag_so_the_old_one_gets_the_new_page():
    """After a change the stored validator no longer matches: a full 200 with the change."""
    article = make_article(title="Före")
    first = Client().get(reverse("news:index"))
    article.title = "Efter"
    article.save()
    again = Client().get(reverse("news:index"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Efter" in again.content.decode()
    assert again["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", None),
        ("", None),
        ("*", "br"),
        ("gzip;q=0", None),
    ],
)
def test_compressed_when_accepted(accept, coding):
    """HTML is served Brotli- or gzip-compressed as the client accepts, each its own ETag."""
    make_article(title="Komprimerad")
    plain = Client().get(reverse("news:index")).content
    response = Client().get(reverse("news:index"), HTTP_ACCEPT_ENCODING=accept)
    assert response.get("Content-Encoding") == coding
    body = response.content
    if coding == "br":
        body = brotli.decompress(body)
        assert response["ETag"].endswith('-br"')
    elif coding == "gzip":
        body = gzip.decompress(body)
        assert response["ETag"].endswith('-gzip"')
    assert body == plain
    assert response["Content-Length"] == str(len(response.content))


def test_pages_are_compressed_once_when_stored_not_on_every_hit():
    """Brotli and gzip run when a page is stored; hits hand out the stored bytes."""
    url = reverse("home")
    with (
        mock.patch.object(store.brotli, "compress", wraps=brotli.compress) as br,
        mock.patch.object(store.gzip, "compress", wraps=gzip.compress) as gz,
    ):
        for _ in range(5):
            Client().get(url, HTTP_ACCEPT_ENCODING="br")
            Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert (br.call_count, gz.call_count) == (1, 1)


def test_tiny_bodies_are_not_compressed():
    """robots.txt is too small to be worth an encoding."""
    response = Client().get("/robots.txt", HTTP_ACCEPT_ENCODING="br, gzip")
    assert "Content-Encoding" not in response


def test_accepted_coding_parses_quality_values():
    """Unknown codings and bad q-values never fail; the client's preference, then br over gzip."""
    assert accepted_coding("gzip;q=0.5, br;q=0.1") == "gzip"
    assert accepted_coding("gzip, br") == "br"
    assert accepted_coding("gzip;q=abc") == "identity"
    assert accepted_coding("compress, x-gzip") == "identity"
    assert accepted_coding("*;q=0") == "identity"
    assert accepted_coding(" GZIP ") == "gzip"
