"""Fixtures shared by every test module."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits, captcha challenges)."""
    cache.clear()
    yield
    cache.clear()
