"""Wayfinding (issue 14, point 3): breadcrumbs, updated dates, related news, past events, sharing."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kkn_portal.models import Branch
from tests.events.factories import make_event
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db


def breadcrumb_data(page):
    """The breadcrumb nav's links and current item, and its BreadcrumbList JSON-LD."""
    nav = re.search(r'<nav class="breadcrumbs" aria-label="Du är här">(.*?)</nav>', page, re.S)
    assert nav, "no breadcrumbs"
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav.group(1))
    current = re.search(r'<span aria-current="page">([^<]+)</span>', nav.group(1)).group(1)
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    lists = [data for data in map(json.loads, scripts) if data["@type"] == "BreadcrumbList"]
    assert len(lists) == 1
    return links, current, lists[0]["itemListElement"]


def test_article_breadcrumbs_lead_home_through_news(client):
    """Start › Nyheter › the article; JSON-LD has the same three, with absolute URLs."""
    article = make_article(title="En nyhet")
    links, current, items = breadcrumb_data(client.get(article.get_absolute_url()).content.decode())
    assert links == [("/", "Start"), ("/nyheter/", "Nyheter")]
    assert current == "En nyhet"
    assert [(item["position"], item["name"], item["item"]) for item in items] == [
        (1, "Start", "http://testserver/"),
        (2, "Nyheter", "http://testserver/nyheter/"),
        (3, "En nyhet", "http://testserver" + article.get_absolute_url()),
    ]


def test_past_event_breadcrumbs_go_through_past_events(client):
    """Start › Evenemang › Tidigare evenemang › the event."""
    start = timezone.now() - timedelta(days=10)
    event = make_event(title="Förra året", start=start, end=start + timedelta(hours=2))
    links, current, _ = breadcrumb_data(client.get(event.get_absolute_url()).content.decode())
    assert [label for _, label in links] == ["Start", "Evenemang", "Tidigare evenemang"]
    assert current == "Förra året"


@pytest.mark.parametrize(
    ("url", "current"),
    [
        ("/nyheter/", "Nyheter"),
        ("/evenemang/", "Evenemang"),
        ("/evenemang/tidigare/", "Tidigare evenemang"),
        ("/sok/", "Sök"),
        ("/cookies/", "Kakor"),
        ("/tillganglighet/", "Tillgänglighetsredogörelse"),
    ],
)
def test_every_page_below_the_start_page_has_breadcrumbs(client, seeded, url, current):
    """Lists, search, the cookie page and flatpages name themselves as the current crumb."""
    links, found, _ = breadcrumb_data(client.get(url).content.decode())
    assert links[0] == ("/", "Start")
    assert found.startswith(current)


def test_start_page_has_no_breadcrumbs(client):
    """The start page is the top: nothing above it."""
    assert 'class="breadcrumbs"' not in client.get("/").content.decode()


def test_article_and_event_say_when_they_were_last_updated(client):
    """ "Senast uppdaterad" with a machine-readable date."""
    for item in (make_article(), make_event()):
        page = client.get(item.get_absolute_url()).content.decode()
        assert re.search(r'Senast uppdaterad <time datetime="[^"]+">\d+ \w+ \d{4}</time>', page)


def test_related_news_share_a_branch_at_most_three(client):
    """Same branch, newest first, never the article itself or another branch's news."""
    music, games = Branch.objects.get(slug="musik"), Branch.objects.get(slug="spel-och-media")
    article = make_article(branches=[music])
    hour = timedelta(hours=1)
    same = [
        make_article(title=f"Musik {n}", branches=[music], published_at=timezone.now() - n * hour)
        for n in range(2, 6)
    ]
    make_article(title="Spel", branches=[games])
    page = client.get(article.get_absolute_url()).content.decode()
    section = re.search(r'<section class="related-news.*?</section>', page, re.S).group(0)
    assert "Relaterade nyheter" in section
    assert re.findall(r">(Musik \d|Spel)</a>", section) == [a.title for a in same[:3]]


def test_related_news_cost_the_same_queries_however_many(client, settings):
    """One query for the related list, with 2 or 8 candidates."""
    settings.PAGE_CACHE_ENABLED = False
    music = Branch.objects.get(slug="musik")
    article = make_article(branches=[music])
    make_article(branches=[music])
    url = article.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        make_article(branches=[music])
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_past_event_says_it_has_taken_place_and_points_ahead(client):
    """At the top: "Evenemanget har ägt rum" and a link to the upcoming events."""
    start = timezone.now() - timedelta(days=3)
    past = client.get(make_event(start=start, end=start + timedelta(hours=1)).get_absolute_url())
    page = past.content.decode()
    notice = page.index("Evenemanget har ägt rum.")
    assert notice < page.index("<h1")
    assert f'<a href="{reverse("events:index")}">Se kommande evenemang</a>' in page
    upcoming = client.get(make_event().get_absolute_url()).content.decode()
    assert "Evenemanget har ägt rum" not in upcoming


def test_share_links_are_plain_links(client):
    """E-mail, LinkedIn and Facebook as links with the page's address; no script from them."""
    article = make_article(title="Dela mig")
    page = client.get(article.get_absolute_url()).content.decode()
    section = re.search(r'<section class="share-links".*?</section>', page, re.S).group(0)
    encoded = "http%3A%2F%2Ftestserver" + article.get_absolute_url().replace("/", "%2F")
    assert f'href="mailto:?subject=Dela%20mig&amp;body={encoded}"' in section
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={encoded}"' in section
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in section
    assert "linkedin" not in re.sub(r'href="[^"]*"', "", page).lower().replace(">linkedin<", "")
    assert not re.search(r"<script[^>]+src=\"https?://", page)
