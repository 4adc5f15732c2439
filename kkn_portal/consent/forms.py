"""Forms of the consent views: the page to return to and the category choice."""

from django import forms

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

    def category_fields(self):
        """Bound fields of the categories, for the template."""
        return [self[category.key] for category in registry.optional_categories()]

    def accepted(self):
        """Keys of the categories the visitor ticked."""
        return [key for key in registry.OPTIONAL_KEYS if self.cleaned_data.get(key)]
