"""The comment inbox's filters and paginator: cheap at a million comments.

Django's ``date_hierarchy`` reads every distinct year, month or day from the
table on each page (a scan of all comments), and its status filter shows all
comments until someone picks "Ny". These filters compute their choices
without a query and start where editors start: the new comments.
"""

import datetime

from django.contrib import admin
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from feedback.models import Comment, local_day_start

# The months offered in the month filter: this one and the eleven before it.
MONTHS_OFFERED = 12


class InboxStatusFilter(admin.SimpleListFilter):
    """Ny (the default), Hanterad or Alla: the inbox opens on what needs an answer."""

    title = _("status")
    parameter_name = "status"
    ALL = "alla"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All"))]

    def value(self):
        value = super().value()
        known = {*Comment.Status.values, self.ALL}
        return value if value in known else Comment.Status.NEW

    def choices(self, changelist):
        # No Django "Alla" entry that clears the parameter: without it the
        # inbox shows new comments, so "Alla" is a value of its own.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        # An action posted without the parameter names its comments itself:
        # the default view must not hide the handled ones it selected.
        if request.method == "POST" and super().value() is None:
            return queryset
        value = self.value()
        return queryset if value == self.ALL else queryset.filter(status=value)


class ReceivedMonthFilter(admin.SimpleListFilter):
    """The last twelve months by name ("november 2026"), computed from today, never queried."""

    title = _("month received")
    parameter_name = "manad"

    def lookups(self, request, model_admin):
        today = timezone.localdate()
        year, month = today.year, today.month
        choices = []
        for _step in range(MONTHS_OFFERED):
            choices.append((f"{year:04d}-{month:02d}", f"{MONTHS[month]} {year}"))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return choices

    def queryset(self, request, queryset):
        try:
            first = datetime.date.fromisoformat(f"{self.value()}-01")
            following = (first + datetime.timedelta(days=32)).replace(day=1)
        except (TypeError, ValueError, OverflowError):
            return queryset  # no month, or one the calendar cannot hold: no filter
        return queryset.filter(
            created_at__gte=local_day_start(first), created_at__lt=local_day_start(following)
        )


class CappedPaginator(Paginator):
    """Counts at most ``cap + 1`` rows: "more than 10 000" costs what 10 001 cost.

    An exact count of a million comments (or of a search matching a sixth of
    them) took 0.1–0.7 s on every page of the inbox; past the cap an editor
    narrows the list instead of paging through it. A search (``searching``)
    counts at most ``search_cap`` matches.
    """

    cap = 10_000
    # Twenty pages of matches. Counting reads comments until cap + 1 match,
    # checking each against the search in all three fields: for a word in a
    # sixth of them, 10 001 matches meant 60 000 comments read at 1 M (50–180
    # ms of SQL), 1 001 a tenth of that. With more matches than this an
    # editor adds a word or a filter rather than paging on.
    search_cap = 1_000

    def __init__(self, *args, searching=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.searching = searching
        if searching:
            self.cap = self.search_cap

    @cached_property
    def count(self):
        # Without ORDER BY: any cap + 1 rows tell "more than cap" as well as
        # the newest ones, so PostgreSQL stops at the first it finds in
        # whichever index or table order is cheapest (ordered by created_at,
        # a word in 8 % of the comments took 115 ms to count, unordered 23).
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self):
        return self.count > self.cap
