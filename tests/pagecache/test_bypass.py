"""Who and what never goes through the page cache, and what is never stored."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from kkn_portal.consent import registry
from kkn_portal.pagecache import store
from tests.clients import FormClient
from tests.consent.factories import SAME_ORIGIN, give_consent
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft, make_editor, make_rich_article

from . import urls as test_urls

pytestmark = pytest.mark.django_db

BANNER = 'id="consent-banner"'


def test_staff_never_get_cached_pages_and_never_fill_the_cache(client):
    """An editor's pages are rendered for them, private; what they see never reaches visitors."""
    make_article(title="Publik nyhet")
    client.force_login(make_editor())
    url = reverse("news:index")
    Client().get(url)  # a visitor caches the list
    response = client.get(url)
    assert response.page_cache == "bypass"
    assert "private" in response["Cache-Control"] and "ETag" not in response
    store.local_pages.clear()
    cache.clear()
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
    accepting = FormClient()
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


def test_forged_consent_cookie_gets_the_right_page_but_never_a_shared_one():
    """A cookie we cannot verify gets the no-choice page, marked private for proxies."""
    url = reverse("home")
    visitor = Client()
    visitor.cookies[registry.CONSENT_COOKIE_NAME] = "1.externa+statistik.20260101." + "a" * 32
    response = visitor.get(url)
    assert BANNER in response.content.decode()
    assert response["Cache-Control"].startswith("private")
    assert Client().get(url)["Cache-Control"].startswith("public")


def test_unconsented_optional_cookie_is_deleted_not_served_from_cache():
    """A statistics cookie left after consent was withdrawn: the consent middleware must run."""
    url = reverse("home")
    Client().get(url)
    visitor = Client()
    give_consent(visitor, ())
    visitor.cookies["_pk_id.3.abcd"] = "x"
    response = visitor.get(url)
    assert response.page_cache == "bypass"
    assert response.cookies["_pk_id.3.abcd"]["max-age"] == 0


def test_a_settings_change_is_a_new_page(settings):
    """A page cached before a setting changed is not served after it (tests, reloads)."""
    url = reverse("home")
    give_stats = Client()
    give_consent(give_stats, (registry.STATISTICS,))
    assert "js/statistics.js" not in give_stats.get(url).content.decode()
    settings.STATISTICS_SNIPPET_URL = "https://matomo.example.se/"
    settings.STATISTICS_SITE_ID = "3"
    assert "js/statistics.js" in give_stats.get(url).content.decode()


def test_hosts_and_known_parameters_are_separate_pages():
    """Another host name or another value of a parameter the view reads is its own entry."""
    for _ in range(11):
        make_article(title="Nyheten")
    url = reverse("news:index")
    assert Client().get(url).page_cache == "miss"
    assert Client().get(url, HTTP_HOST="localhost").page_cache == "miss"
    assert Client().get(url + "?page=2").page_cache == "miss"
    assert Client().get(url + "?page=1").page_cache == "hit", "page 1 is the list itself"
    assert Client().get(url).page_cache == "hit"


def test_a_missing_page_is_stored_but_a_page_created_later_shows_at_once():
    """404s are cached like pages, under the same content version, so creation shows at once."""
    url = reverse("news:detail", kwargs={"slug": "kommer-snart"})
    assert Client().get(url).status_code == 404
    assert Client().get(url).page_cache == "hit"
    make_article(slug="kommer-snart", title="Kommer snart")
    assert "Kommer snart" in Client().get(url).content.decode()


@pytest.mark.urls("tests.pagecache.urls")
@pytest.mark.parametrize("name", list(test_urls.ODD))
def test_only_complete_shareable_answers_are_stored(name):
    """Previews (no-store), errors, redirects, cookies, messages and sessions: rendered each time."""
    test_urls.calls.clear()
    url = reverse(f"test-{name}")
    for _ in range(2):
        response = Client().get(url)
        assert response.page_cache == "uncacheable"
        assert "ETag" not in response
    assert len(test_urls.calls) == 2


@pytest.mark.urls("tests.pagecache.urls")
def test_post_bypasses_and_head_is_served_without_a_body(settings):
    """Only GET and HEAD use the cache; HEAD gets the headers and no body; PAGE_CACHE=0 is off."""
    test_urls.calls.clear()
    url = reverse("test-plain")
    assert not hasattr(FormClient().post(url), "page_cache")
    get = Client().get(url)
    head = Client().head(url)
    assert head.page_cache == "hit" and head.content == b""
    assert head["Content-Length"] == get["Content-Length"] == str(len(get.content))
    settings.PAGE_CACHE_ENABLED = False
    response = Client().get(url)
    assert not hasattr(response, "page_cache") and "ETag" not in response
    assert len(test_urls.calls) == 3


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


def test_made_up_session_cookie_gets_the_cached_page():
    """A session cookie that names no session buys no render: the visitor is anonymous."""
    url = reverse("home")
    Client().get(url)
    visitor = Client()
    visitor.cookies["sessionid"] = "made-up-session-key-abcdefghijklmn"
    response = visitor.get(url)
    assert response.page_cache == "hit"
    assert not response.cookies


def test_feed_keeps_no_last_modified():
    """Only If-None-Match is answered; a Last-Modified would not move when an item goes."""
    make_article()
    response = Client().get(reverse("news:feed"))
    assert response.page_cache == "miss"
    assert "Last-Modified" not in response
