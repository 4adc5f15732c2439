"""The form an editor fills in to share a preview."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DEFAULT_DAYS, MAX_DAYS


class ShareForm(forms.Form):
    """How many days the shared link should work."""

    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=_("The link stops working after this many days, or when you revoke it."),
    )
