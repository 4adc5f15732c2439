"""The search page: cleans the query, asks the backend, paginates."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.views.generic import TemplateView

from .backends import get_backend
from .forms import SearchForm
from .query import MAX_QUERY_LENGTH, SearchQuery


class SearchView(TemplateView):
    """``/sok/?q=``: published news and events matching the query, best first.

    A page number that is not a number or lies beyond the last page is a 404.
    """

    template_name = "search/results.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        query = SearchQuery.from_input(self.request.GET.get("q", ""))
        page_obj = results = None
        if query:
            backend = get_backend()
            paginator = Paginator(backend.hits(query), self.paginate_by)
            try:
                page_obj = paginator.page(self.request.GET.get("page") or 1)
            except InvalidPage:
                raise Http404("No such page of results.") from None
            results = backend.results(list(page_obj.object_list), query)
        return super().get_context_data(
            form=SearchForm(initial={"q": query.text}),
            query=query,
            max_length=MAX_QUERY_LENGTH,
            page_obj=page_obj,
            results=results,
            **kwargs,
        )
