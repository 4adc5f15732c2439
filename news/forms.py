"""Forms of the news app: the branch filter on the news list."""

from django import forms
from django.utils.translation import gettext_lazy as _


class BranchFilterForm(forms.Form):
    """The ``?bransch=<slug>`` filter, validated against the known branches.

    The choices come from branches the view has already loaded, so a visitor's
    value never reaches SQL (no NUL-byte or length surprises on PostgreSQL).
    """

    bransch = forms.ChoiceField(label=_("Branch"), required=False)

    def __init__(self, data=None, *, branches=(), **kwargs):
        super().__init__(data, **kwargs)
        self.branches = {branch.slug: branch for branch in branches}
        self.fields["bransch"].choices = [("", _("All branches"))] + [
            (branch.slug, branch.name) for branch in branches
        ]

    def selected_branch(self):
        """The chosen branch, or None when none was asked for (call after ``is_valid()``)."""
        return self.branches.get(self.cleaned_data["bransch"])
