"""The branch tags of a page of articles, for the news list and the feed.

``prefetch_related("branches")`` builds a filtered queryset and a related
manager for every article it fills; for the twenty articles of the feed
that cost more than the rest of the feed together (9.5 M instructions).
The tags need only the link table and the branches: one joined query.
"""

from kkn_portal.models import Branch

from .models import Article


def with_branch_list(articles):
    """``articles`` as a list, each with ``branch_list``: its branches in display order.

    One query, whatever the number of articles; none without articles.
    The order is the branches' own (``Branch.Meta.ordering``), as the
    database sorts it, the same as ``article.branches.all()``.
    """
    articles = list(articles)
    if not articles:
        return articles
    links = (
        Article.branches.through.objects.filter(article__in=articles)
        .select_related("branch")
        .order_by(*(_on_branch(field) for field in Branch._meta.ordering))
    )
    by_article = {article.pk: [] for article in articles}
    for link in links:
        by_article[link.article_id].append(link.branch)
    for article in articles:
        article.branch_list = by_article[article.pk]
    return articles


def _on_branch(ordering):
    """``"position"`` -> ``"branch__position"`` (``"-name"`` -> ``"-branch__name"``)."""
    descending = ordering.startswith("-")
    return ("-" if descending else "") + "branch__" + ordering.removeprefix("-")
