"""Forms of the consent views: the page to return to and the category choice."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import registry


class NextForm(forms.Form):
    """The page the visitor came from; checked for safety by the view."""

    next = forms.CharField(required=False, widget=forms.HiddenInput)


class CategoryForm(NextForm):
    """One checkbox per optional category; nothing is ticked unless already accepted."""

    def __init__(self, *args, consent=None, **kwargs):
        super().__init__(*args, **kwargs)
        for category in registry.optional_categories():
            self.fields[category.key] = forms.BooleanField(
                label=category.label,
                help_text=category.description,
                required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                initial=bool(consent and consent.has_chosen and consent.allows(category.key)),
            )
        self.helper = settings_helper()

    def accepted(self):
        """Keys of the categories the visitor ticked."""
        return [key for key in registry.OPTIONAL_KEYS if self.cleaned_data.get(key)]


def settings_helper():
    """The cookie settings on /cookies/: the categories in a fieldset, three equal buttons.

    No CSRF token: the consent views check ``Origin`` (kkn_portal.origin).
    The necessary category is shown ticked and disabled (its own template).
    """
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_action = reverse("consent:save")
    helper.form_id = "installningar"
    helper.form_class = "consent-settings"
    helper.disable_csrf = True
    helper.include_media = False
    choice = "btn-primary consent-choice"
    helper.layout = Layout(
        "next",
        Fieldset(
            format_html('<span class="h3">{}</span>', _("Change or withdraw your consent")),
            HTML('{% include "consent/necessary_category.html" %}'),
            *(category.key for category in registry.optional_categories()),
        ),
        Div(
            StrictButton(_("Save my choice"), type="submit", css_class=choice),
            StrictButton(
                _("Accept all"),
                type="submit",
                css_class=choice,
                formaction=reverse("consent:accept-all"),
            ),
            StrictButton(
                _("Only necessary"),
                type="submit",
                css_class=choice,
                formaction=reverse("consent:reject-all"),
            ),
            css_class="consent-actions",
        ),
    )
    return helper
