"""Demo news content loaded by ``seed_demo``."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from news import demo
from news.models import Article

pytestmark = pytest.mark.django_db

KKN_SLUG = "satsning-pa-kulturella-och-kreativa-naringar"
# PTS's number series reserved for fiction (e.g. 070-1740605–070-1740699).
FICTION_PHONE = re.compile(r"^(070-?174 ?06 ?(0[5-9]|[1-9]\d)|031-?390 ?06 ?\d\d)$")


def test_seed_is_idempotent():
    """Running the seed twice creates everything once and keeps it."""
    first = demo.seed()
    count = Article.objects.count()
    second = demo.seed()
    assert count == len(demo.ARTICLES) >= 5
    assert Article.objects.count() == count
    assert first.startswith(f"{count} articles created")
    assert second == f"0 articles created, {count} kept"


def test_seed_keeps_editor_changes():
    """A second seed never overwrites what an editor changed."""
    demo.seed()
    Article.objects.filter(slug=KKN_SLUG).update(title="Ändrad av redaktör")
    demo.seed()
    assert Article.objects.get(slug=KKN_SLUG).title == "Ändrad av redaktör"


def test_kkn_article_facts_and_page(client):
    """The KKN article is live, tagged with every branch, with links, dated 11 September 2016."""
    call_command("seed_demo", stdout=StringIO())
    article = Article.objects.get(slug=KKN_SLUG)
    assert article.is_live()
    # Every fact of the seed page, on the page itself: test_seed_facts.py.
    assert "upplevelsebaserat lärande" in article.footnote
    assert article.branches.count() == 12
    assert article.links.exists()
    content = client.get(article.get_absolute_url()).content.decode()
    assert "11 september 2016" in content
    assert 'Senast uppdaterad <time datetime="2016-09-11' in content


def test_demo_people_are_fictitious():
    """Every demo contact has an example.se address and a PTS fiction number."""
    demo.seed()
    contacts = {contact for article in Article.objects.all() for contact in article.contacts.all()}
    assert contacts
    for contact in contacts:
        assert contact.email.endswith("@example.se")
        assert FICTION_PHONE.match(contact.phone), contact.phone


def test_demo_has_spread_and_previews(client):
    """At least four other published articles over several branches, plus a draft and a scheduled one."""
    demo.seed()
    published = Article.objects.published()
    assert published.exclude(slug=KKN_SLUG).count() >= 4
    branch_slugs = set(published.exclude(slug=KKN_SLUG).values_list("branches__slug", flat=True))
    assert len(branch_slugs) >= 6
    assert len({article.published_at.date() for article in published}) == published.count()
    hidden = Article.objects.exclude(pk__in=published)
    assert {a.status for a in hidden} == {Article.Status.DRAFT, Article.Status.PUBLISHED}
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(reverse("news:index")).status_code == 200
