"""The search box."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kkn_portal.memo import process_memo

from .query import MAX_QUERY_LENGTH

# Stands for the visitor's words in the form rendered once per process.
VALUE_MARKER = "kkn-search-value-0f3c"


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

    def as_html(self):
        """The form's HTML: crispy's rendering, made once per process, with the words put in.

        The box is the form's only variable part (it never shows errors: the
        view tidies any input instead), and rendering the layout costs more
        than the rest of a results page's template.
        """
        value = self["q"].value()
        if not value:
            return _rendered(get_language(), False)
        html = _rendered(get_language(), True).replace(VALUE_MARKER, escape(value))
        return mark_safe(html)  # noqa: S308 - crispy's output, the words escaped


@process_memo(maxsize=8)
def _rendered(language, with_value):
    """The crispy HTML of the search form, empty or holding :data:`VALUE_MARKER`."""
    return render_crispy_form(SearchForm({"q": VALUE_MARKER} if with_value else None))
