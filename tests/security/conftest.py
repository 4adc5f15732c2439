"""Fixtures for the hostile-input tests (issue 16): same-origin posts and addresses."""

import pytest

from tests.clients import FormClient

# What a browser sends with a form post from one of the site's own pages.
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def browser():
    """A client whose posts carry this site's ``Origin``, as the site's own forms do."""
    return FormClient(**SAME_ORIGIN)


@pytest.fixture
def django_settings(settings):
    """pytest-django's settings fixture under a name that does not clash with hypothesis."""
    return settings
