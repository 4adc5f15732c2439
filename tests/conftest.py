"""Fixtures shared by every test module."""

import pytest
from django.core.cache import cache

from kkn_portal import content_version
from kkn_portal.pagecache import preflight, store
from tests.clients import FormClient


@pytest.fixture
def client():
    """pytest-django's ``client``, posting forms URL-encoded as the site's pages do."""
    return FormClient()


@pytest.fixture(autouse=True)
def _clear_cache(monkeypatch):
    """Each test starts with empty caches and a process that has read no content version."""
    cache.clear()
    store.local_pages.clear()
    preflight.memo.clear()
    monkeypatch.setattr(content_version, "_state", content_version._State())
    yield
    cache.clear()
