"""The search box."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout
from django import forms
from django.urls import reverse
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("search:index")
        self.helper.form_class = "search-form mb-4"
        self.helper.attrs = {"role": "search"}
        # The label above, the box and its button side by side (they wrap when narrow).
        self.helper.layout = Layout(
            Div(
                Field("q", wrapper_class="search-field mb-0"),
                StrictButton(_("Search"), type="submit", css_class="btn-primary"),
                css_class="d-flex flex-wrap gap-2 align-items-end",
            )
        )
