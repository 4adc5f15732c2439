"""RSS 2.0 feed and sitemap entries for articles."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from kkn_portal.models import Branch
from news.models import Article

from .factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def get_feed(client):
    """Fetch and parse the feed; return the response and the <channel>."""
    response = client.get(reverse("news:feed"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    return response, channel


def test_feed_is_rss2_with_published_items(client):
    """The feed is RSS 2.0 and holds published articles with title, link, date, lead."""
    article = make_article(
        title="I flödet", lead="Ingress i flödet", branches=[Branch.objects.get(slug="musik")]
    )
    make_draft(title="Utkast i flödet")
    make_scheduled(title="Framtid i flödet")
    response, channel = get_feed(client)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("title") == "Nyheter från KKN-portalen"
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["I flödet"]
    item = items[0]
    # Absolute, on the domain of the Site record (as Django's syndication does).
    link = urlsplit(item.findtext("link"))
    assert link.scheme == "http" and link.netloc
    assert link.path == article.get_absolute_url()
    assert item.findtext("description") == "Ingress i flödet"
    assert item.findtext("category") == "Musik"
    assert parsedate_to_datetime(item.findtext("pubDate")) == article.published_at.replace(
        microsecond=0
    )


def test_feed_has_twenty_newest(client):
    """Only the 20 newest published articles are in the feed, newest first."""
    now = timezone.now()
    for day in range(25):
        make_article(title=f"Nr {day}", published_at=now - timedelta(days=day))
    _response, channel = get_feed(client)
    assert [item.findtext("title") for item in channel.findall("item")] == [
        f"Nr {day}" for day in range(20)
    ]


def test_feed_escapes_markup(client):
    """Titles with markup stay text and the XML still parses."""
    make_article(title="<b>Fet</b> & <script>", lead="a < b")
    _response, channel = get_feed(client)
    assert channel.find("item").findtext("title") == "<b>Fet</b> & <script>"


def test_sitemap_lists_published_with_lastmod(client):
    """Published articles are in sitemap.xml with lastmod; others are not."""
    article = make_article(slug="i-kartan")
    make_draft(slug="utkast-i-kartan")
    make_scheduled(slug="framtid-i-kartan")
    Article.objects.filter(pk=article.pk).update(
        updated_at=timezone.datetime(2017, 3, 4, 12, tzinfo=timezone.get_current_timezone())
    )
    response = client.get(reverse("django.contrib.sitemaps.views.sitemap"))
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    entries = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext(
            "sm:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    article_entries = {loc: lastmod for loc, lastmod in entries.items() if "/nyheter/" in loc}
    matching = [loc for loc in article_entries if loc.endswith("/nyheter/i-kartan/")]
    assert len(matching) == 1
    assert article_entries[matching[0]].startswith("2017-03-04")
    assert not [loc for loc in article_entries if "kartan" in loc and "i-kartan" not in loc]
