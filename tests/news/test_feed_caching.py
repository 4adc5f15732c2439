"""The RSS feed: built once per content version, ETag and 304 for polling readers."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone

from .factories import make_article

pytestmark = pytest.mark.django_db


def _item_count(response):
    return response.content.decode().count("<item>")


def test_polling_an_unchanged_feed_gets_304_without_a_query(client, django_assert_num_queries):
    """Same content: 304 with the ETag, no body, no SQL; readers must revalidate."""
    make_article(title="Först")
    first = client.get(reverse("news:feed"))
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert "no-cache" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(reverse("news:feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]


def test_the_feed_is_built_once_per_content_version(client, django_assert_num_queries):
    """A repeated request is served from the per-process cache with the same headers."""
    make_article()
    with mock.patch.object(Feed, "__call__", autospec=True, side_effect=Feed.__call__) as build:
        first = client.get(reverse("news:feed"))
        with django_assert_num_queries(0):
            again = client.get(reverse("news:feed"))
        assert build.call_count == 1
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_an_edit_changes_etag_and_body(client):
    """After an editor saves an article, the old ETag no longer matches."""
    article = make_article(title="Gammal rubrik")
    before = client.get(reverse("news:feed"))
    article.title = "Ny rubrik"
    article.save()
    after = client.get(reverse("news:feed"), HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Ny rubrik" in after.content.decode()
    assert "Gammal rubrik" not in after.content.decode()


def test_a_scheduled_article_enters_the_feed_at_its_time(client):
    """Publication at a set time changes the feed (and its ETag) without any save."""
    now = timezone.now()
    make_article(title="Ute nu")
    make_article(title="Kommer snart", published_at=now + timedelta(hours=2))
    with time_machine.travel(now, tick=False) as traveller:
        before = client.get(reverse("news:feed"))
        assert (
            client.get(reverse("news:feed"), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
        )
        traveller.move_to(now + timedelta(hours=2, seconds=1))
        after = client.get(reverse("news:feed"), HTTP_IF_NONE_MATCH=before["ETag"])
    assert "Kommer snart" not in before.content.decode()
    assert after.status_code == 200
    assert "Kommer snart" in after.content.decode()
    assert _item_count(after) == 2
