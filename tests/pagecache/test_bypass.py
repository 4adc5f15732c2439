"""Who and what never goes through the page cache, and what a hit costs."""

import pytest
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from kkn_portal import pagecache
from kkn_portal.consent import registry
from tests.consent.factories import SAME_ORIGIN, give_consent
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft, make_editor, make_rich_article

pytestmark = pytest.mark.django_db

BANNER = 'id="consent-banner"'


def test_staff_never_get_cached_pages_and_never_fill_the_cache(client):
    """An editor's pages are rendered for them; what they see never reaches visitors."""
    make_article(title="Publik nyhet")
    client.force_login(make_editor())
    url = reverse("news:index")
    Client().get(url)  # a visitor caches the list
    assert client.get(url).page_cache == "bypass"
    pagecache.page_cache().clear()
    assert client.get(url).page_cache == "bypass"
    assert Client().get(url).page_cache == "miss", "the editor's visit stored nothing"


def test_editors_preview_never_leaks_to_visitors(client):
    """A draft's preview is for the editor only; visitors keep getting 404 and no draft."""
    draft = make_draft(title="Utkastet")
    client.force_login(make_editor())
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "Utkastet" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"]
    for _ in range(2):
        assert Client().get(draft.get_absolute_url()).status_code == 404
        assert "Utkastet" not in Client().get(reverse("news:index")).content.decode()


def test_session_cookie_means_no_cache():
    """Any visitor with a session (staff, pending messages) is served without the cache."""
    visitor = Client()
    visitor.get(reverse("home"))
    session = SessionStore()
    session.create()
    visitor.cookies["sessionid"] = session.session_key
    assert visitor.get(reverse("home")).page_cache == "bypass"


def test_consent_variants_never_mix():
    """Accepting removes the banner for that visitor only; others still get it."""
    url = reverse("home")
    assert BANNER in Client().get(url).content.decode()
    accepting = Client()
    response = accepting.post(reverse("consent:accept-all"), {"next": url}, **SAME_ORIGIN)
    assert response.status_code == 303
    after = accepting.get(url)
    assert BANNER not in after.content.decode()
    other = Client().get(url)
    assert other.page_cache == "hit"
    assert BANNER in other.content.decode()
    assert accepting.get(url).page_cache == "hit"
    assert BANNER not in accepting.get(url).content.decode()


def test_statistics_snippet_only_for_those_who_accepted_statistics(settings):
    """The statistics script is cached for the visitors who accepted it, and no one else."""
    settings.STATISTICS_SNIPPET_URL = "https://matomo.example.se/"
    settings.STATISTICS_SITE_ID = "3"
    url = reverse("home")
    variants = {
        "none": (),
        "stats": (registry.STATISTICS,),
        "external": (registry.EXTERNAL,),
        "necessary": (),
    }
    for _round in range(2):
        for name, categories in variants.items():
            visitor = Client()
            if name != "none":
                give_consent(visitor, categories)
            html = visitor.get(url).content.decode()
            assert ("js/statistics.js" in html) == (name == "stats"), name
            assert (BANNER in html) == (name == "none"), name


def test_a_settings_change_is_a_new_page(settings):
    """A page cached before a setting changed is not served after it (tests, reloads)."""
    url = reverse("home")
    give_stats = Client()
    give_consent(give_stats, (registry.STATISTICS,))
    assert "js/statistics.js" not in give_stats.get(url).content.decode()
    settings.STATISTICS_SNIPPET_URL = "https://matomo.example.se/"
    settings.STATISTICS_SITE_ID = "3"
    assert "js/statistics.js" in give_stats.get(url).content.decode()


def test_hosts_and_queries_are_separate_pages():
    """Another host name or query string is its own entry, never another's page."""
    make_article(title="Nyheten")
    url = reverse("news:index")
    assert Client().get(url).page_cache == "miss"
    assert Client().get(url, HTTP_HOST="localhost").page_cache == "miss"
    assert Client().get(url + "?page=1").page_cache == "miss"
    assert Client().get(url).page_cache == "hit"


def test_not_found_is_never_cached():
    """A missing page is a 404 each time, and a page created later shows at once."""
    url = reverse("news:detail", kwargs={"slug": "kommer-snart"})
    assert Client().get(url).status_code == 404
    make_article(slug="kommer-snart", title="Kommer snart")
    assert "Kommer snart" in Client().get(url).content.decode()


def cached_view(response_factory):
    return pagecache.cache_public_page(lambda request: response_factory())


def private_response():
    response = HttpResponse("<p>Förhandsvisning</p>")
    add_never_cache_headers(response)
    return response


@pytest.mark.parametrize(
    "factory",
    [
        private_response,
        lambda: HttpResponse("fel", status=500),
        lambda: HttpResponse("omdirigering", status=302),
        lambda: HttpResponse("kaka", headers={"Set-Cookie": "x=1"}),
    ],
    ids=["no-store", "500", "302", "cookie"],
)
def test_only_plain_200_responses_are_stored(rf, factory):
    """Previews (no-store), errors, redirects and cookie-setting responses are not stored."""
    view = cached_view(factory)
    request = rf.get("/sida/")
    assert view(request).page_cache == "uncacheable"
    assert view(rf.get("/sida/")).page_cache == "uncacheable"


def test_pending_messages_prevent_storing(rf):
    """A page rendered while a flash message waits is never stored for others."""
    request = rf.get("/sida/")
    request.session = SessionStore()
    request._messages = SessionStorage(request)
    request._messages.add(20, "Sparat.")
    assert not pagecache.is_cacheable_response(request, HttpResponse("<p>x</p>"))


def test_post_and_disabled_cache_bypass(rf, settings):
    """Only GET and HEAD use the cache, and PAGE_CACHE=0 turns it off."""
    view = cached_view(lambda: HttpResponse("<p>x</p>"))
    assert view(rf.post("/sida/")).page_cache == "bypass"
    assert view(rf.head("/sida/")).page_cache == "miss"
    settings.PAGE_CACHE_ENABLED = False
    assert view(rf.get("/sida/")).page_cache == "bypass"


@pytest.mark.parametrize("count", [2, 30])
@pytest.mark.parametrize("page", ["start", "news", "article", "events", "event"])
def test_hit_runs_no_query(django_assert_num_queries, page, count):
    """A hit costs the content-version read (shared cache) and no SQL, whatever the volume."""
    articles = [make_rich_article() for _ in range(count)]
    events = [make_event() for _ in range(count)]
    url = {
        "start": reverse("home"),
        "news": reverse("news:index"),
        "article": articles[0].get_absolute_url(),
        "events": reverse("events:index"),
        "event": events[0].get_absolute_url(),
    }[page]
    Client().get(url)
    with django_assert_num_queries(0):
        response = Client().get(url)
    assert response.page_cache == "hit"
