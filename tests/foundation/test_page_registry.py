"""kkn_portal.pages: a posted path becomes a public page with the server's title, or nothing."""

import pytest
from django.contrib.flatpages.models import FlatPage

from kkn_portal.pages import Page, resolve_page
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db


def _flatpage(url, title, **kwargs):
    page = FlatPage.objects.create(url=url, title=title, content="<p>x</p>", **kwargs)
    page.sites.add(1)
    return page


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "Start"),
        ("/nyheter/", "Nyheter"),
        ("/evenemang/", "Evenemang"),
        ("/evenemang/tidigare/", "Tidigare evenemang"),
        ("/sok/", "Sök"),
        ("/cookies/", "Kakor"),
    ],
)
def test_fixed_pages_have_their_titles(path, title):
    """The start page, the lists, search and the cookie page are pages with fixed titles."""
    assert resolve_page(path) == Page(path, title)


def test_published_article_and_event_give_their_current_titles():
    """A detail page's title is read from the row now, not remembered."""
    article = make_article(title="Först")
    event = make_event(title="Konferensen")
    assert resolve_page(article.get_absolute_url()).title == "Först"
    assert resolve_page(event.get_absolute_url()).title == "Konferensen"
    article.title = "Sedan"
    article.save()
    assert resolve_page(article.get_absolute_url()).title == "Sedan"


def test_drafts_scheduled_and_unpublished_events_are_no_pages():
    """Nothing the public cannot see is a page: draft, scheduled, unpublished event."""
    hidden = [
        make_draft().get_absolute_url(),
        make_scheduled().get_absolute_url(),
        make_event(published=False).get_absolute_url(),
    ]
    assert [resolve_page(path) for path in hidden] == [None, None, None]


def test_flatpages_at_named_routes_and_by_fallback():
    """Flatpages count wherever they are served; one that needs a login does not."""
    _flatpage("/personuppgifter/", "Personuppgifter")
    _flatpage("/om-kkn/", "Om KKN")
    _flatpage("/intern/", "Intern", registration_required=True)
    assert resolve_page("/personuppgifter/").title == "Personuppgifter"
    assert resolve_page("/om-kkn/").title == "Om KKN"
    assert resolve_page("/intern/") is None
    assert resolve_page("/tillganglighet/") is None, "a named route without its flatpage"


@pytest.mark.parametrize(
    "path",
    [
        "",
        None,
        "nyheter/",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "/nyheter/?q=1",
        "/nyheter/#x",
        "/nyheter",
        "/finns/inte/alls/",
        "/nyheter/finns-inte/",
        "/\x00/",
        "/" + "a" * 600,
        "/admin/",
        "/admin/feedback/comment/",
        "/kommentera/",
        "/nyheter/rss/",
        "/evenemang/kalender.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/forhandsvisning/abc/",
    ],
)
def test_everything_else_is_no_page(path):
    """Outside addresses, tricks, unknown slugs, the admin, feeds and form targets: None."""
    assert resolve_page(path) is None
