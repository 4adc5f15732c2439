"""Drafts and scheduled articles: invisible to the public, previewable by editors."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kkn_portal.models import Branch

from .factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

PUBLIC_SURFACES = {
    "list": lambda article: reverse("news:index"),
    "branch list": lambda article: reverse("news:index") + "?bransch=musik",
    "detail": lambda article: article.get_absolute_url(),
    "feed": lambda article: reverse("news:feed"),
    "sitemap": lambda article: reverse("django.contrib.sitemaps.views.sitemap"),
    "start page": lambda article: reverse("home"),
}


def hidden_article(kind):
    """A draft or a scheduled article with a recognisable title and slug."""
    factory = make_draft if kind == "draft" else make_scheduled
    article = factory(title=f"Hemlig {kind}", slug=f"hemlig-{kind}")
    article.branches.set(Branch.objects.filter(slug="musik"))
    return article


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
@pytest.mark.parametrize("surface", PUBLIC_SURFACES)
def test_unpublished_is_invisible_to_the_public(client, kind, surface):
    """No public surface shows a draft or a scheduled article (detail is a 404)."""
    article = hidden_article(kind)
    make_article(title="Synlig", slug="synlig")
    response = client.get(PUBLIC_SURFACES[surface](article))
    if surface == "detail":
        assert response.status_code == 404
        return
    assert response.status_code == 200
    content = response.content.decode()
    assert article.title not in content
    assert article.slug not in content
    if surface != "branch list":
        assert "synlig" in content.lower()


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_staff_without_permission_gets_404(staff_client, kind):
    """Being staff is not enough to preview: the change permission is needed."""
    article = hidden_article(kind)
    assert staff_client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_editor_sees_preview_with_banner(editor_client, kind):
    """Editors open unpublished articles with a clear banner, uncached and noindex."""
    article = hidden_article(kind)
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Förhandsvisning – inte publicerad" in content
    assert article.title in content
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in content
    expected = "Schemalagd" if kind == "scheduled" else "Utkast"
    assert expected in content


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_superuser_sees_preview(admin_client, kind):
    """Superusers have every permission, so they preview too."""
    article = hidden_article(kind)
    response = admin_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Förhandsvisning – inte publicerad" in response.content.decode()


def test_published_article_has_no_banner_for_editor(editor_client):
    """A live article is shown normally, also to editors, and may be indexed."""
    article = make_article()
    response = editor_client.get(article.get_absolute_url())
    assert "Förhandsvisning" not in response.content.decode()
    assert "X-Robots-Tag" not in response
    assert 'name="robots"' not in response.content.decode()


def test_editor_list_shows_only_published(editor_client):
    """The list is the public list even for editors; previews are per article."""
    draft = make_draft(title="Utkastet")
    response = editor_client.get(reverse("news:index"))
    assert draft.title not in response.content.decode()


def test_scheduled_article_appears_when_its_time_comes(client):
    """With the clock moved past ``published_at`` the article is live everywhere."""
    go_live = timezone.now() + timedelta(days=2)
    article = make_scheduled(title="Schemalagd nyhet", slug="schemalagd", published_at=go_live)
    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(go_live - timedelta(minutes=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.title in client.get(reverse("news:index")).content.decode()
        assert article.title in client.get(reverse("home")).content.decode()
        feed = ET.fromstring(client.get(reverse("news:feed")).content)  # noqa: S314 - our own output
        assert article.title in [item.findtext("title") for item in feed.iter("item")]
        sitemap = client.get(reverse("django.contrib.sitemaps.views.sitemap")).content.decode()
        assert article.get_absolute_url() in sitemap
