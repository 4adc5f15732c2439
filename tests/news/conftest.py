"""Fixtures for the news tests."""

import pytest

from .factories import make_editor


@pytest.fixture
def editor(db):
    """A staff user with the news change permission."""
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    """A client logged in as an editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as staff without any news permission."""
    user = django_user_model.objects.create_user(
        username="personal", password="pw-for-tests-only", is_staff=True
    )
    client.force_login(user)
    return client
