"""The news list and article pages: content, filters, bad input."""

import json
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kkn_portal.models import Branch
from news.models import Article

from .factories import make_article, make_contact, make_rich_article

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def titles(response):
    """The article titles on a list page, in order."""
    return [article.title for article in response.context["article_list"]]


def test_list_newest_first_ten_per_page(client):
    """Page 1 has the ten newest; page 2 the rest; links keep accessible names."""
    now = timezone.now()
    for day in range(12):
        make_article(title=f"Dag {day}", published_at=now - timedelta(days=day))
    response = client.get(reverse("news:index"))
    assert titles(response) == [f"Dag {day}" for day in range(10)]
    content = response.content.decode()
    assert 'aria-label="Sidor"' in content or 'class="pagination-nav"' in content
    assert 'href="?page=2"' in content
    page_two = client.get(reverse("news:index"), {"page": 2})
    assert titles(page_two) == ["Dag 10", "Dag 11"]
    assert "sida 2" in page_two.content.decode()


def test_branch_filter(client):
    """``?bransch=<slug>`` lists only that branch's articles and marks the choice."""
    musik = Branch.objects.get(slug="musik")
    make_article(title="Om musik", branches=[musik])
    make_article(title="Om mat", branches=[Branch.objects.get(slug="maltid")])
    response = client.get(reverse("news:index"), {"bransch": "musik"})
    assert titles(response) == ["Om musik"]
    content = response.content.decode()
    assert "Nyheter: Musik" in content
    assert re.search(r'href="\?bransch=musik"\s+aria-current="true"', content)


def test_branch_filter_keeps_filter_in_pagination_links(client):
    """Moving between pages keeps the branch filter."""
    musik = Branch.objects.get(slug="musik")
    for _ in range(11):
        make_article(branches=[musik])
    content = client.get(reverse("news:index"), {"bransch": "musik"}).content.decode()
    assert 'href="?bransch=musik&amp;page=2"' in content


def test_unknown_branch_is_404(client):
    """An unknown slug is a 404, answered before any list is rendered."""
    make_article(title="Något")
    response = client.get(reverse("news:index"), {"bransch": "<finns-inte>"})
    assert response.status_code == 404
    content = response.content.decode()
    assert "Något" not in content and "<finns-inte>" not in content


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": "999"}, 404),
        ({"page": "abc"}, 404),
        ({"page": "0"}, 404),
        ({"page": "-1"}, 404),
        ({"page": "\x00"}, 404),
        ({"page": "last"}, 200),
        ({"page": "1"}, 200),
        ({"bransch": "\x00"}, 404),
        ({"bransch": "x" * 10000}, 404),
        ({"bransch": ["musik", "konst"]}, 200),
        ({"bransch": ["musik", "nej"]}, 404),
        ({"bransch": "musik\x00"}, 404),
        ({"bransch": "'; DROP TABLE news_article; --"}, 404),
    ],
)
def test_bad_query_parameters_never_500(client, params, status):
    """Odd page numbers and unknown branches give 404, never a 500 (the last value counts)."""
    make_article()
    response = client.get(reverse("news:index"), params)
    assert response.status_code == status


def test_unknown_article_is_404(client):
    """A slug that does not exist is a 404."""
    assert client.get(reverse("news:detail", kwargs={"slug": "saknas"})).status_code == 404


def test_detail_shows_everything(client):
    """Dates in Swedish, lead, body, links, contacts as tel:/mailto:, footnote, branch tags."""
    contact = make_contact(name="Karin Test", phone="070-174 06 12", email="karin@example.se")
    article = make_article(
        title="KKN växer",
        lead="Ingressen.",
        body="<h2>Mellanrubrik</h2><p>Brödtext</p>",
        footnote="*Fotnoten.",
        published_at=timezone.datetime(2016, 9, 11, 9, tzinfo=STOCKHOLM),
        branches=[Branch.objects.get(slug="musik")],
        contacts=[contact],
        links=[("Tillväxtverket", "https://tillvaxtverket.se/")],
    )
    response = client.get(article.get_absolute_url())
    content = response.content.decode()
    assert "11 september 2016" in content
    assert '<time datetime="2016-09-11T09:00:00+02:00">' in content
    assert "uppdaterad" in content  # created today, long after 2016
    assert "<h2>Mellanrubrik</h2>" in content
    assert "Ingressen." in content
    assert 'href="tel:+46701740612"' in content
    assert 'href="mailto:karin@example.se"' in content
    assert "Kontaktperson" in content
    assert "Mer information" in content
    assert '<a href="https://tillvaxtverket.se/">Tillväxtverket</a>' in content
    assert "*Fotnoten." in content
    assert 'href="/nyheter/?bransch=musik"' in content
    assert "includes/page_comments.html" in [t.name for t in response.templates]


def test_detail_renders_sanitized_body(client):
    """Even HTML stored around ``save()`` is rendered without scripts."""
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        body='<p onclick="x()">A</p><script>alert(1)</script><iframe src="//x"></iframe>'
        '<a href="javascript:alert(1)">b</a>'
    )
    content = client.get(article.get_absolute_url()).content.decode()
    main = content[content.index("<main") : content.index("</main>")]
    for forbidden in ("onclick", "<script>alert", "<iframe", "javascript:"):
        assert forbidden not in main


def test_title_is_escaped(client):
    """Titles and leads are text, never markup."""
    article = make_article(title="<b>Fet</b> & rubrik", lead="<i>x</i>")
    content = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Fet&lt;/b&gt; &amp; rubrik" in content
    assert "<b>Fet</b>" not in content


def test_meta_description_and_open_graph(client):
    """The lead is the description; Open Graph names the article and its URL."""
    article = make_article(title="Delbar", slug="delbar", lead="Kort ingress.")
    content = client.get(article.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Kort ingress.">' in content
    assert '<meta property="og:type" content="article">' in content
    assert '<meta property="og:title" content="Delbar">' in content
    assert '<meta property="og:url" content="http://testserver/nyheter/delbar/">' in content
    assert '<link rel="canonical" href="http://testserver/nyheter/delbar/">' in content


def json_ld(response):
    """The parsed JSON-LD of a page (data, which CSP does not govern: no nonce)."""
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


def test_json_ld_news_article(client):
    """The JSON-LD parses and names type, headline, dates and publisher; the page has no nonce."""
    article = make_article(title="Strukturerad", published_at=timezone.now() - timedelta(days=1))
    response = client.get(article.get_absolute_url())
    data = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Strukturerad"
    assert data["datePublished"] == timezone.localtime(article.published_at).isoformat()
    assert data["dateModified"] == timezone.localtime(article.updated_at).isoformat()
    assert data["publisher"]["name"] == "Region Norrbotten"
    assert data["url"] == "http://testserver" + article.get_absolute_url()
    assert "nonce-" not in response["Content-Security-Policy"]


def test_json_ld_cannot_be_broken_out_of(client):
    """A title with ``</script>`` stays inside the JSON and still parses."""
    title = '</script><script>alert(1)</script> "citat" & <!--'
    article = make_article(title=title)
    data = json_ld(client.get(article.get_absolute_url()))
    assert data["headline"] == title


def test_list_links_rss_feed(client):
    """The list advertises the RSS feed for feed readers."""
    content = client.get(reverse("news:index")).content.decode()
    assert 'type="application/rss+xml"' in content
    assert 'href="/nyheter/rss/"' in content


@pytest.mark.parametrize(
    "url", ["/", "/nyheter/", "/nyheter/?bransch=musik", "/nyheter/artikel/", "/nyheter/rss/"]
)
def test_first_visit_sets_no_cookie(client, url):
    """C1.1: news pages set no cookie at all, the comment form's page included."""
    make_article(slug="artikel")
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies


def test_start_page_lists_three_newest(client):
    """The start page shows the three newest published articles, newest first."""
    now = timezone.now()
    for day in range(5):
        make_article(title=f"Nyhet {day}", published_at=now - timedelta(days=day))
    content = client.get(reverse("home")).content.decode()
    assert "Senaste nytt" in content
    positions = [content.find(f"Nyhet {day}") for day in range(3)]
    assert -1 not in positions and positions == sorted(positions)
    assert "Nyhet 3" not in content
    assert 'href="/nyheter/"' in content


def build_articles(count):
    """``count`` articles, each with several branches, contacts and links."""
    return [make_rich_article() for _ in range(count)]


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("page", ["list", "detail", "branch list", "start page", "feed"])
def test_constant_queries(client, django_assert_max_num_queries, count, page):
    """List, detail, feed and start page use a fixed number of queries for 3 or 40 articles."""
    articles = build_articles(count)
    url = {
        "list": reverse("news:index"),
        "branch list": reverse("news:index") + "?bransch=" + Branch.objects.first().slug,
        "detail": articles[0].get_absolute_url(),
        "start page": reverse("home"),
        "feed": reverse("news:feed"),
    }[page]
    # detail: article, branches, contacts, links, and the related news (one query).
    budget = {"list": 4, "branch list": 4, "detail": 5, "start page": 1, "feed": 2}[page]
    with django_assert_max_num_queries(budget + EXTRA_QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200


# Headroom for other apps' parts of the page (the comment form, upcoming
# events on the start page), the feed's Site lookup, the content version's
# schedule query (once per change) and, for a filtered list missing from the
# page cache, the cache's check of the filter (its branches and count, once
# per change; kkn_portal.pagecache.preflight); ours is the budget.
EXTRA_QUERIES = {"list": 1, "branch list": 3, "detail": 1, "start page": 3, "feed": 2}


@pytest.mark.parametrize("page", ["list", "detail", "start page", "feed"])
def test_query_count_does_not_grow(client, settings, page):
    """The exact query count is the same with 3 and with 40 rich articles."""
    # The views' own queries: with the page cache the second request is a hit.
    settings.PAGE_CACHE_ENABLED = False
    articles = build_articles(3)
    url = {
        "list": reverse("news:index"),
        "detail": articles[0].get_absolute_url(),
        "start page": reverse("home"),
        "feed": reverse("news:feed"),
    }[page]
    client.get(url)  # warm caches (Site, ContentType) so both counts compare alike
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    build_articles(37)
    client.get(url)  # warm again: the content version's schedule is read once after a change
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_start_page_without_news(client):
    """With nothing published the start page says so instead of an empty list."""
    Article.objects.create(title="Inte klar", slug="inte-klar", lead="x")  # draft by default
    content = client.get(reverse("home")).content.decode()
    assert "Det finns inga nyheter ännu." in content
    assert "Inte klar" not in content


def test_branch_choices_follow_edits_and_cost_no_query_once_read(client, django_assert_num_queries):
    """The accepted branches are read once per content version: a new branch works at once."""
    client.get(reverse("news:index"))
    with django_assert_num_queries(0):
        assert client.get(reverse("news:index"), {"bransch": "finns-inte"}).status_code == 404
    Branch.objects.create(name="Ny bransch", slug="finns-inte")
    assert client.get(reverse("news:index"), {"bransch": "finns-inte"}).status_code == 200
