"""Fixtures for the page-comment tests."""

import pytest
from django.contrib.auth.models import Permission

from feedback.models import Comment
from tests.clients import FormClient

# What a browser sends with a form post from one of the site's own pages.
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def client():
    """A browser on one of the site's pages: its posts carry the site's ``Origin``."""
    return FormClient(**SAME_ORIGIN)


@pytest.fixture
def comment_url():
    """The POST target of the comment form."""
    from django.urls import reverse

    return reverse("feedback:post")


@pytest.fixture
def editor(django_user_model):
    """Staff who may view and handle comments but not export them (like Redaktör)."""
    user = django_user_model.objects.create_user("redaktor", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="feedback", codename__in=["view_comment", "change_comment"]
        )
    )
    return user


@pytest.fixture
def exporter(django_user_model):
    """Staff who may view and export comments (like Personal)."""
    user = django_user_model.objects.create_user("personal", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="feedback", codename__in=["view_comment", "export_comment"]
        )
    )
    return user


@pytest.fixture
def comments_count():
    """How many comments are stored right now (a callable)."""
    return Comment.objects.count
