"""The "Kommentera sidan" form, "Hjälpte informationen dig?" and the admin's export form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.captcha import ALTCHA, ProjectTemplatesRenderer, captcha_field_for
from feedback.layouts import admin_form_helper, comment_helper, helpfulness_helper
from feedback.models import MAX_TEXT_LENGTH
from feedback.paths import MAX_PATH_LENGTH, UNKNOWN_PAGE_MESSAGE, public_page
from feedback.protection import ProtectedFormMixin
from feedback.text import clean_text
from feedback.votes import NO, YES


class CommentTextField(forms.CharField):
    """Free text with control characters and surrogates removed before validation."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class CommentForm(ProtectedFormMixin, forms.Form):
    """A visitor's comment on the page they are reading.

    The page travels as its path in a hidden field and is resolved on the
    server (:func:`feedback.paths.public_page`): the stored title is the
    page's current one, whatever the form sent. The honeypot must stay
    empty and the captcha field depends on the backend (see
    :mod:`feedback.captcha`). Nothing in the form differs between visitors:
    the solved captcha is the one-time token (:attr:`one_time_token`).
    """

    default_renderer = ProjectTemplatesRenderer()
    is_follow_up = False
    submit_label = _("Send comment")

    text = CommentTextField(
        label=_("Your comment"),
        max_length=MAX_TEXT_LENGTH,
        help_text=_("At most 2,000 characters. Do not write any personal data."),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 40, "class": "form-control"}),
        error_messages={
            "required": _("Write your comment before you send it."),
        },
    )
    page_path = forms.CharField(max_length=MAX_PATH_LENGTH, widget=forms.HiddenInput)
    # Humans never see this field (CSS) and leave it empty; simple bots fill it.
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, request=None, captcha=None, **kwargs):
        kwargs.setdefault("auto_id", "id_comment_%s")
        super().__init__(*args, **kwargs)
        self.fields["captcha"] = captcha_field_for(request, captcha)
        self.page = None
        self.helper = comment_helper(self)

    @classmethod
    def for_path(cls, path, *, request=None, captcha=None):
        """An empty form for the page at ``path``: the same for every visitor.

        ``captcha`` names the backend (``feedback.captcha.captcha_backend``);
        by default it is chosen for ``request``.
        """
        return cls(request=request, captcha=captcha, initial={"page_path": path})

    def clean_page_path(self):
        """Resolve the path to the public page it names; keep the page for the view."""
        self.page = public_page(self.cleaned_data["page_path"])
        if self.page is None:
            raise forms.ValidationError(UNKNOWN_PAGE_MESSAGE, code="unknown_page")
        return self.page.path


class FollowUpForm(CommentForm):
    """ "Vad saknade du?": an optional comment after a "Nej", marked as such in the inbox.

    The same checks as every comment (captcha, honeypot, page resolved on the
    server); its own ids, so it can stand on a page beside the comment form.
    """

    is_follow_up = True
    submit_label = _("Send")
    after_no = forms.BooleanField(initial=True, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_followup_%s")
        # Always ALTCHA: beside the comment form, both widgets share its script.
        kwargs["captcha"] = ALTCHA
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Describe what you were missing")
        self.fields["text"].error_messages["required"] = _(
            "Write what you were missing before you send it."
        )


class HelpfulnessForm(forms.Form):
    """The answer to "Hjälpte informationen dig?" and the page it is about (resolved on the server)."""

    answer = forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))])
    page_path = forms.CharField(max_length=MAX_PATH_LENGTH, widget=forms.HiddenInput)

    def __init__(self, *args, answered=False, **kwargs):
        kwargs.setdefault("auto_id", "id_helpful_%s")
        super().__init__(*args, **kwargs)
        self.helper = helpfulness_helper(answered)

    @classmethod
    def for_path(cls, path, answered=False):
        """The unbound buttons for the page at ``path``, hidden once ``answered``."""
        return cls(initial={"page_path": path}, answered=answered)

    def clean_page_path(self):
        """The public page at the posted path (a :class:`kkn_portal.pages.Page`)."""
        page = public_page(self.cleaned_data["page_path"])
        if page is None:
            raise forms.ValidationError(
                _("Answers can only be given about published pages on this site."),
                code="unknown_page",
            )
        return page


class DateRangeForm(forms.Form):
    """A period of local days, first and last included."""

    date_from = forms.DateField(
        label=_("From (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and first > last:
            raise forms.ValidationError(
                _("The start date must not be after the end date."), code="range"
            )
        return cleaned


class ExportForm(DateRangeForm):
    """Date range (inclusive, local days) and separator of a CSV export."""

    SEPARATORS = [
        ("semicolon", _("Semicolon (Swedish Excel)")),
        ("comma", _("Comma (RFC 4180)")),
    ]

    sep = forms.ChoiceField(label=_("Separator"), choices=SEPARATORS, initial="semicolon")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = admin_form_helper(self, "post", _("Download CSV"))


class StatisticsForm(DateRangeForm):
    """The period of the "Hjälpte informationen dig?" statistics (at most two years)."""

    MAX_DAYS = 731

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = admin_form_helper(self, "get", _("Show"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and (last - first).days > self.MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most two years."), code="too_long")
        return cleaned
