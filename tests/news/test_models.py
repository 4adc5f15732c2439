"""Article model: the publication rule, sanitizing, validation."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from news.models import Article

from .factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

DANGEROUS_BODY = (
    "<h2>Rubrik</h2>"
    '<p onclick="alert(1)">Text <strong>fet</strong> <em>kursiv</em></p>'
    "<script>alert('x')</script>"
    '<iframe src="https://evil.example/"></iframe>'
    '<p><a href="javascript:alert(1)">klicka</a> <a href="https://example.se/">ok</a></p>'
    "<ul><li>punkt</li></ul><ol><li>ett</li></ol>"
    '<img src="x" onerror="alert(1)"><table><tr><td>t</td></tr></table>'
    '<p style="color:red">stil</p>'
)


def assert_clean(html):
    """Nothing executable or embedded survives."""
    lowered = html.lower()
    for forbidden in ("<script", "onclick", "onerror", "javascript:", "<iframe", "<img", "style="):
        assert forbidden not in lowered, forbidden
    assert "<table" not in lowered


@pytest.mark.parametrize(
    ("factory", "expected"),
    [(make_article, True), (make_draft, False), (make_scheduled, False)],
    ids=["published", "draft", "scheduled"],
)
def test_published_and_is_live_agree(factory, expected):
    """``published()`` and ``is_live()`` apply the same rule."""
    article = factory()
    assert article.is_live() is expected
    assert Article.objects.published().filter(pk=article.pk).exists() is expected


def test_draft_with_past_date_is_not_live():
    """Status decides even when the date has passed."""
    article = make_draft(published_at=timezone.now() - timedelta(days=3))
    assert not article.is_live()
    assert not Article.objects.published().exists()


def test_scheduled_is_flagged():
    """A published article with a future date counts as scheduled."""
    assert make_scheduled().is_scheduled()
    assert not make_article().is_scheduled()
    assert not make_draft(published_at=timezone.now() + timedelta(days=1)).is_scheduled()


def test_ordering_newest_first():
    """The default order is newest publication first."""
    old = make_article(published_at=timezone.now() - timedelta(days=5))
    new = make_article(published_at=timezone.now() - timedelta(days=1))
    assert list(Article.objects.all()) == [new, old]
    assert Article.objects.latest() == new


def test_str_and_absolute_url():
    """The admin shows the title; the URL is the detail page."""
    article = make_article(title="Hej", slug="hej")
    assert str(article) == "Hej"
    assert article.get_absolute_url() == reverse("news:detail", kwargs={"slug": "hej"})
    assert article.get_absolute_url() == "/nyheter/hej/"


def test_body_is_sanitized_on_save():
    """Scripts, handlers, javascript: links, iframes, images and styles are stripped on save."""
    article = make_article(body=DANGEROUS_BODY)
    article.refresh_from_db()
    assert_clean(article.body)
    for kept in ("<h2>Rubrik</h2>", "<strong>fet</strong>", "<em>kursiv</em>", "<li>punkt</li>"):
        assert kept in article.body
    assert "<ol>" in article.body
    assert 'href="https://example.se/"' in article.body


def test_body_is_sanitized_at_render_even_if_stored_raw():
    """HTML written past ``save()`` (e.g. a raw update) is cleaned when rendered."""
    article = make_article()
    Article.objects.filter(pk=article.pk).update(body=DANGEROUS_BODY)
    article.refresh_from_db()
    assert "<script" in article.body
    assert_clean(str(article.body_html))
    assert "<strong>fet</strong>" in article.body_html


def test_image_without_alt_text_is_invalid(settings, tmp_path):
    """An image needs a description (WCAG 1.1.1); the error is in Swedish."""
    settings.MEDIA_ROOT = tmp_path
    article = Article(
        title="Bild",
        slug="bild",
        lead="Ingress",
        image=SimpleUploadedFile("bild.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
    )
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert excinfo.value.message_dict["image_alt"] == [
        "Beskriv bilden för den som inte kan se den."
    ]
    article.image_alt = "Publik framför en scen"
    article.full_clean()


def test_links_keep_their_order():
    """More-information links are listed by position."""
    article = make_article(
        links=[("Första", "https://example.se/1"), ("Andra", "https://example.se/2")]
    )
    article.links.filter(title="Första").update(position=5)
    assert [link.title for link in article.links.all()] == ["Andra", "Första"]
    assert str(article.links.first()) == "Andra"
