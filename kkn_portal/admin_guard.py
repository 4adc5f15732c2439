"""No staff URL answers 500 for an odd filter, date or character in its address.

Django's changelist turns most bad filters into its "?e=1" page, but not all:

* a NUL character (``?status=%00``) reaches PostgreSQL, which refuses it
  (``ValueError`` from the driver);
* a date at the end of the calendar (``?start__year=9999&start__month=12
  &start__day=31``, ``?created_at__gte=0001-01-01``) overflows when the
  date navigation adds a day or the value is converted to UTC.

:func:`without_nul` answers any admin address carrying NUL with a redirect to
the same address without those parameters and a message; :class:`SafeChangeList`
turns the rest into Django's own "bad filter" answer, which our
``admin/invalid_setup.html`` explains in plain Swedish. :func:`guard` fits every
registered ModelAdmin (ours and Django's) with the safe changelist.
"""

import functools
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG, ChangeList
from django.db import DataError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

# What a value in the address can make Django or the database raise.
BAD_VALUE_ERRORS = (ValueError, OverflowError, DataError)


class SafeChangeList(ChangeList):
    """A changelist whose filters and results report bad values as bad filters."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except BAD_VALUE_ERRORS as exc:
            raise IncorrectLookupParameters(exc) from exc

    def get_results(self, request):
        try:
            return super().get_results(request)
        except BAD_VALUE_ERRORS as exc:
            raise IncorrectLookupParameters(exc) from exc


def guard(model_admin):
    """Give ``model_admin`` the safe changelist unless it already has its own subclass."""
    original = model_admin.get_changelist

    @functools.wraps(original)
    def get_changelist(request, **kwargs):
        changelist = original(request, **kwargs)
        return SafeChangeList if changelist is ChangeList else changelist

    model_admin.get_changelist = get_changelist
    return model_admin


def without_nul(view):
    """Wrap an admin view: parameters holding NUL are dropped, with a message.

    Also explains Django's ``?e=1``: the changelist sends a filter it cannot
    use there and shows the whole list, which looks as if the filter worked.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.GET.get(ERROR_FLAG) == "1" and request.user.is_authenticated:
            messages.warning(
                request, _("The filter in the address could not be used; the whole list is shown.")
            )
        pairs = [(key, value) for key, values in request.GET.lists() for value in values]
        kept = [(key, value) for key, value in pairs if "\x00" not in key + value]
        if len(kept) == len(pairs):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated:
            messages.warning(
                request,
                _("A part of the address had characters that cannot be used; it was left out."),
            )
        query = urlencode(kept)
        return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))

    return wrapper
