"""Branch tags of many articles in one query: the same tags, in the same order."""

import pytest
from django.urls import reverse

from kkn_portal.models import Branch
from news.branch_tags import with_branch_list

from .factories import make_article

pytestmark = pytest.mark.django_db


def test_each_article_gets_its_branches_in_their_order(django_assert_num_queries):
    """As ``article.branches.all()``: every branch, Branch.Meta order, none for an untagged one."""
    branches = list(Branch.objects.all())
    articles = [
        make_article(branches=[branches[5], branches[0], branches[3]]),
        make_article(),
        make_article(branches=[branches[-1]]),
        make_article(branches=branches),
    ]
    with django_assert_num_queries(1):
        listed = with_branch_list(articles)
    for article in listed:
        assert article.branch_list == list(article.branches.all())
    assert [len(article.branch_list) for article in listed] == [3, 0, 1, len(branches)]


def test_no_articles_no_query(django_assert_num_queries):
    """An empty page asks nothing."""
    with django_assert_num_queries(0):
        assert with_branch_list([]) == []


def test_news_list_and_feed_show_the_tags(client):
    """The list links each tag to its filter; the feed names it as a category."""
    musik, film = Branch.objects.get(slug="musik"), Branch.objects.get(slug="film-och-foto")
    make_article(title="Taggad", branches=[musik, film])
    html = client.get(reverse("news:index")).content.decode()
    card = html[html.index("Taggad") :]
    assert card.index('href="/nyheter/?bransch=film-och-foto"') < card.index("</article>")
    assert card.index('href="/nyheter/?bransch=musik"') < card.index("</article>")
    feed = client.get(reverse("news:feed")).content.decode()
    assert "<category>Musik</category>" in feed and "<category>Film och foto</category>" in feed
