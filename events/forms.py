"""Forms of the events app: the kind and month filters on the event lists."""

import datetime

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kkn_portal import dates

from .models import Event


class EventFilterForm(forms.Form):
    """``?typ=konferens`` and ``?manad=2017-05``, both optional.

    The kind must be one of ``Event.Kind`` and the month one that has
    published events (the list the visitor chooses from), so a visitor's
    raw text never reaches SQL and no made-up month is rendered.
    """

    typ = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        error_messages={"invalid_choice": _("There is no such kind of event.")},
    )
    manad = forms.RegexField(
        label=_("Month"),
        regex=r"^\d{4}-\d{2}$",
        required=False,
        max_length=7,
        error_messages={"invalid": _("Choose a month such as 2017-05.")},
    )

    def __init__(self, data=None, *, month_choices=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["typ"].choices = [("", _("All kinds"))] + list(Event.Kind.choices)
        self.month_choices = month_choices

    @staticmethod
    def label_months(months):
        """``(("2017-05", "Maj 2017"), …)``: the month choices, labelled as an option starts."""
        return tuple((f"{m:%Y-%m}", capfirst(dates.month_year(m))) for m in months)

    def clean_manad(self):
        value = self.cleaned_data["manad"]
        if not value:
            return None
        if value not in dict(self.month_choices):
            raise forms.ValidationError(_("There are no events that month."), code="invalid")
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, 1)

    def filters(self):
        """``(kind, month)`` to filter by (call after ``is_valid()``); empty when not asked for."""
        if not self.is_bound:
            return "", None
        data = self.cleaned_data
        return data.get("typ") or "", data.get("manad")
