"""Answer made-up list addresses without rendering: unknown filter values, pages beyond the last.

For a public page whose view is a paginated list (a ``ListView`` with
``paginate_by``), the page cache asks the view itself, once per content
version and filter combination, whether its filters are valid
(``get_queryset()`` raises ``Http404`` when not) and how many pages there
are: the same code that answers when the page is rendered, so the two
cannot disagree. A request for another page number, or for the same bad
filter, is then answered from that memo: ``?page=99999`` or
``?bransch=<anything>`` costs a lookup, not a render.

The memo is per process and keyed by the content version, so it cannot go
stale; it is bounded, so made-up filters cannot fill memory.
"""

import copy

from django.http import Http404, QueryDict
from django.utils.http import urlencode

from .lru import LRU

NOT_FOUND = "not-found"
MEMO_SIZE = 4096
PAGE_PARAMETER = "page"


# (version, epoch, path, filters) -> page count or NOT_FOUND
memo = LRU(lambda: MEMO_SIZE)


def _page_count(request, route, filters):
    """Ask the list view: NOT_FOUND for bad filters, else how many pages it has."""
    probe = copy.copy(request)
    probe.GET = QueryDict(filters)
    probe.META = {**request.META, "QUERY_STRING": filters}
    view = route.view_class()
    view.setup(probe, *route.args, **route.kwargs)
    try:
        queryset = view.get_queryset()
    except Http404:
        return NOT_FOUND
    paginator = view.get_paginator(
        queryset,
        view.get_paginate_by(queryset),
        orphans=view.get_paginate_orphans(),
        allow_empty_first_page=view.get_allow_empty(),
    )
    return paginator.num_pages


def _outside(page, count):
    """Whether the view would answer 404 for ``?page=<page>`` (as ``ListView`` decides it)."""
    if page is None or page == "last":
        return False
    try:
        number = int(page)
    except ValueError:
        return True
    return not 1 <= number <= max(count, 1)


def is_not_found(request, route, version, epoch, query):
    """Whether the list at ``request.path`` answers 404 for the canonical ``query``.

    False for anything that is not a paginated list, and for the list itself
    or a free-text query alone (a new search is a new page, not a made-up
    one): only filters and page numbers are checked.
    """
    view_class = route.view_class
    if not query or view_class is None or not getattr(view_class, "paginate_by", None):
        return False
    # The canonical query names only parameters the view reads (plain ASCII):
    # a search word alone, the common case, is decided without parsing values.
    if {pair.partition("=")[0] for pair in query.split("&")} <= route.policy.free:
        return False
    params = QueryDict(query)
    page = params.get(PAGE_PARAMETER)
    filters = urlencode(sorted((k, v) for k, v in params.items() if k != PAGE_PARAMETER))
    key = (version, epoch, request.path, filters)
    count = memo.get(key)
    if count is None:
        count = _page_count(request, route, filters)
        memo.put(key, count)
    return count == NOT_FOUND or _outside(page, count)
