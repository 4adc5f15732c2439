"""The search page: cleans the query, asks the backend, paginates."""

from django.views.generic import ListView

from .backends import get_backend
from .forms import SearchForm
from .query import MAX_QUERY_LENGTH, SearchQuery


class SearchView(ListView):
    """``/sok/?q=``: published news and events matching the query, best first.

    A list of hits like any other list, so a page number that is not a
    number or lies beyond the last page is a 404 (and the page cache can
    tell so without rendering). Only the page shown is turned into results
    with excerpts.
    """

    template_name = "search/results.html"
    paginate_by = 10

    def get_queryset(self):
        self.query = SearchQuery.from_input(self.request.GET.get("q", ""))
        self.backend = get_backend()
        return self.backend.hits(self.query) if self.query else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hits = list(context["page_obj"].object_list) if self.query else []
        context.update(
            form=SearchForm(initial={"q": self.query.text}),
            query=self.query,
            max_length=MAX_QUERY_LENGTH,
            results=self.backend.results(hits, self.query) if self.query else None,
        )
        return context
