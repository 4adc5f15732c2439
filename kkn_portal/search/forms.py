"""The search box."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """``/sok/?q=``: one free-text field.

    The form only renders the box: the view cleans the raw input itself
    (``SearchQuery.from_input``), because a NUL byte or an over-long query
    should be tidied up and searched for, not refused with an error.
    """

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.SearchInput(
            attrs={"maxlength": MAX_QUERY_LENGTH, "class": "form-control search-input"}
        ),
    )
