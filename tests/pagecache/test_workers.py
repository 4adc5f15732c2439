"""Two gunicorn workers sharing Redis: an edit shows in both, each within the memo's second.

A real deployment in miniature: gunicorn with two worker processes serves
the test database (PostgreSQL, committed rows), both workers and this test
use one Redis database as the shared cache. Runs where PostgreSQL and Redis
are available (CI's PostgreSQL run); skipped on SQLite, whose test database
another process cannot see.
"""

import time
import urllib.request

import pytest
from django.core.cache import caches
from django.db import connection

from tests.foundation.conftest import Gunicorn, production_env
from tests.news.factories import make_article

REDIS_URL = "redis://127.0.0.1:6379/10"
MEMO_SECONDS = 1.0


def _redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="gunicorn must see the test database"
    ),
    pytest.mark.skipif(not _redis_answers(), reason="needs Redis on 127.0.0.1:6379"),
]


@pytest.fixture
def shared_redis(settings):
    """This process and the workers share one (emptied) Redis database."""
    # As settings.py builds it from REDIS_URL, so both sides use the same keys.
    settings.CACHES = {
        "default": {
            "BACKEND": "kkn_portal.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kkn",
        }
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def two_workers(shared_redis, tmp_path):
    """gunicorn with 2 workers on the test database and the shared Redis."""
    database = connection.settings_dict
    env = production_env(
        # DEBUG for plain static storage (nothing is collected); the page cache is on.
        DEBUG="1",
        HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        REDIS_URL=REDIS_URL,
        CONTENT_VERSION_MEMO_SECONDS=str(MEMO_SECONDS),
    )
    server = Gunicorn(env, tmp_path / "gunicorn.log", workers=2)
    yield server
    server.stop()


def fetch(server, path):
    """(body, ETag) of one GET; a new connection each time, so both workers answer."""
    url = f"http://127.0.0.1:{server.port}{path}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.read().decode(), response.headers.get("ETag")


def test_an_edit_shows_in_both_workers_within_the_memo(two_workers):
    """Both workers hold the page; after a save every answer shows the change within 1 s."""
    article = make_article(title="Gammal rubrik")
    url = article.get_absolute_url()
    etags = {fetch(two_workers, url)[1] for _ in range(20)}
    assert len(etags) == 1, "both workers serve the same cached page"
    article.title = "Ny rubrik"
    article.save()
    saved = time.monotonic()
    last_old = saved
    while time.monotonic() - saved < MEMO_SECONDS + 1.0:
        body, _etag = fetch(two_workers, url)
        if "Gammal rubrik" in body:
            last_old = time.monotonic()
        time.sleep(0.02)
    assert last_old - saved <= MEMO_SECONDS + 0.2, (
        f"old page {last_old - saved:.2f} s after the save"
    )
    for _ in range(20):
        assert "Ny rubrik" in fetch(two_workers, url)[0]
