"""The shared cache stopped: public pages still answer 200, posts that need it a clear 503.

The settings point the shared cache at a Redis port where nothing listens,
as when Redis is stopped: every call fails at once with a refused connection.
"""

import pytest
from django.core.cache import caches
from django.urls import reverse

from feedback.models import Comment
from kkn_portal import content_version
from tests.consent.factories import SAME_ORIGIN
from tests.events.factories import make_event
from tests.feedback.helpers import patch_captcha, post_data
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

STOPPED_REDIS = {
    "default": {
        "BACKEND": "kkn_portal.redis_cache.ReusingRedisCache",
        # Port 1 on loopback: nothing listens, the connection is refused at once.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def redis_stopped(settings):
    """The shared cache is Redis, and Redis does not answer."""
    settings.CACHES = STOPPED_REDIS
    yield
    caches["default"].close()


@pytest.fixture
def content():
    article = make_article(title="Nyheten")
    event = make_event(title="Evenemanget")
    return article, event


def test_public_pages_answer_200_uncached(client, redis_stopped, content):
    """Every public page, the feed and the calendars render without the cache, never a 500."""
    article, event = content
    for url in (
        reverse("home"),
        reverse("news:index"),
        article.get_absolute_url(),
        reverse("news:feed"),
        reverse("events:index"),
        event.get_absolute_url(),
        reverse("events:ics", kwargs={"slug": event.slug}),
        reverse("events:calendar"),
        reverse("search:index") + "?q=nyheten",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.page_cache == "bypass", url
        assert "ETag" not in response, "no validator without a content version"


def test_comment_post_is_a_clear_503_that_keeps_the_text(client, redis_stopped, content):
    """The rate limit lives in the shared cache: without it, 503, Retry-After, the text kept."""
    with patch_captcha():
        response = client.post(
            reverse("feedback:post"), post_data(text="Min viktiga text"), **SAME_ORIGIN
        )
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "Min viktiga text</textarea>" in html
    assert "kan inte tas emot just nu" in html
    assert Comment.objects.count() == 0


def test_consent_choice_still_works(client, redis_stopped):
    """Choosing about cookies needs no cache: the choice is stored and the banner goes."""
    response = client.post(reverse("consent:reject-all"), {"next": "/"}, **SAME_ORIGIN)
    assert response.status_code == 303
    assert 'id="consent-banner"' not in client.get("/").content.decode()


def test_health_reports_the_cache_down_but_stays_in_service(client, redis_stopped):
    """200 with "degraded": the load balancer keeps the app; monitoring sees the cache."""
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "up", "cache": "down"}


def test_pages_are_cached_again_when_the_cache_returns(client, settings, content):
    """After the outage the first read bumps the version: nothing from before is served."""
    url = reverse("news:index")
    assert client.get(url).page_cache == "miss"
    settings.CACHES = STOPPED_REDIS
    assert client.get(url).page_cache == "bypass"
    caches["default"].close()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    content_version._state.down_until = 0
    assert client.get(url).page_cache == "miss", "a new version after the outage"
    assert client.get(url).page_cache == "hit"
