"""Public news pages: the list, an article, and editors' previews."""

from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from kkn_portal.memo import content_memo
from kkn_portal.models import Branch
from kkn_portal.previews.views import SharedPreviewMixin
from kkn_portal.site_url import absolute_url

from .branch_tags import with_branch_list
from .forms import BranchFilterForm
from .models import Article

PREVIEW_PERMISSION = "news.change_article"


@content_memo(maxsize=1)
def all_branches():
    """Every branch, read once per content version: checking ``?bransch=`` costs no query."""
    return tuple(Branch.objects.all())


class ArticleListView(ListView):
    """Published articles, newest first, ten a page, filterable by branch.

    An unknown branch or a page beyond the last is a 404, answered before
    anything is rendered (the page cache stores it like any other page).
    """

    paginate_by = 10

    def get_queryset(self):
        self.branches = all_branches()
        filter_form = BranchFilterForm(self.request.GET, branches=self.branches)
        if not filter_form.is_valid():
            raise Http404("No such branch.")
        self.branch = filter_form.selected_branch()
        articles = Article.objects.published()
        if self.branch:
            articles = articles.filter(branches=self.branch)
        return articles

    def paginate_queryset(self, queryset, page_size):
        """The page's articles as a list, each with its branch tags (one query for all)."""
        paginator, page, articles, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = with_branch_list(articles)
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(branches=self.branches, branch=self.branch, **kwargs)


class ArticleDetailView(DetailView):
    """One article; editors may also open drafts and scheduled ones as a preview."""

    def get_queryset(self):
        articles = Article.objects.all()
        if self.request.user.has_perm(PREVIEW_PERMISSION):
            return articles
        return articles.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_live():
            # A preview must not be cached or indexed anywhere.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_context_data(self, **kwargs):
        article = self.object
        details = article.details()
        return super().get_context_data(
            is_preview=not article.is_live(),
            canonical_url=absolute_url(article.get_absolute_url()),
            related_articles=article.related(details["branches"]),
            **details,
            **kwargs,
        )


class ArticlePreviewView(SharedPreviewMixin, ArticleDetailView):
    """A shared preview of an article as the public will see it, with the preview banner."""

    template_name = "previews/article_detail.html"

    def get_queryset(self):
        return Article.objects.all()
