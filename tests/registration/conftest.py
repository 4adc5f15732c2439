"""Fixtures for registration tests: a same-origin client and a passing captcha."""

import pytest

from tests.feedback.conftest import client  # noqa: F401 - the same-origin browser
from tests.feedback.helpers import patch_captcha


@pytest.fixture
def captcha_ok():
    """Every captcha solution passes verification."""
    with patch_captcha(valid=True) as mocks:
        yield mocks
