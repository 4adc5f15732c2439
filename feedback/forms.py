"""The "Kommentera sidan" form and the admin's export form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.captcha import ProjectTemplatesRenderer, captcha_field_for
from feedback.models import MAX_TEXT_LENGTH, MAX_TITLE_LENGTH
from feedback.paths import MAX_PATH_LENGTH, validate_local_page
from feedback.protection import ProtectedFormMixin
from feedback.text import clean_line, clean_text


class CommentTextField(forms.CharField):
    """Free text with control characters and surrogates removed before validation."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


def page_title(title):
    """The title the form names the page by: one clean line, cut to the stored length."""
    return clean_line(title or "", MAX_TITLE_LENGTH)


class CommentForm(ProtectedFormMixin, forms.Form):
    """A visitor's comment on the page they are reading.

    The page path and title travel in hidden fields; the honeypot must stay
    empty and the captcha field depends on the backend (see
    :mod:`feedback.captcha`). Nothing in the form differs between visitors:
    the solved captcha is the one-time token (:attr:`one_time_token`).
    """

    default_renderer = ProjectTemplatesRenderer()

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
    page_title = forms.CharField(
        max_length=MAX_TITLE_LENGTH * 2, required=False, widget=forms.HiddenInput
    )
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

    @classmethod
    def for_page(cls, request, title):
        """An empty form for the page ``request`` shows: the same for every visitor."""
        return cls.for_path(request.path, page_title(title), request=request)

    @classmethod
    def for_path(cls, path, title, *, request=None, captcha=None):
        """An empty form for the page at ``path`` with the cleaned ``title`` (:func:`page_title`).

        ``captcha`` names the backend (``feedback.captcha.captcha_backend``);
        by default it is chosen for ``request``.
        """
        return cls(
            request=request, captcha=captcha, initial={"page_path": path, "page_title": title}
        )

    def clean_page_path(self):
        path = self.cleaned_data["page_path"]
        validate_local_page(path)
        return path

    def clean_page_title(self):
        return clean_line(self.cleaned_data["page_title"], MAX_TITLE_LENGTH)


class ExportForm(forms.Form):
    """Date range (inclusive, local days) and separator of a CSV export."""

    SEPARATORS = [
        ("semicolon", _("Semicolon (Swedish Excel)")),
        ("comma", _("Comma (RFC 4180)")),
    ]

    date_from = forms.DateField(
        label=_("From (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sep = forms.ChoiceField(label=_("Separator"), choices=SEPARATORS, initial="semicolon")

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and first > last:
            raise forms.ValidationError(
                _("The start date must not be after the end date."), code="range"
            )
        return cleaned
