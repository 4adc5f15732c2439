"""The registration form on the event page, laid out with crispy-forms.

The form is the same for every visitor (the event page is shared): no CSRF
or form token; the solved captcha is the one-time token and the honeypot
catches simple bots, exactly as for the comment form.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from feedback.captcha import ProjectTemplatesRenderer, captcha_field_for
from feedback.protection import HONEYPOT_FIELD, ProtectedFormMixin
from feedback.text import clean_text

from .models import MAX_NEEDS_LENGTH, MUNICIPALITY_CHOICES, NORRBOTTEN, PERSON_FIELDS

TOO_LONG = _("Write at most %(limit_value)d characters (you wrote %(show_value)d).")
CAPTCHA_ERRORS = {"required": _("Tick the box “I am not a robot” before you register.")}


class LineField(forms.CharField):
    """One line of text: control characters and line breaks removed, spaces collapsed."""

    default_error_messages = {"max_length": TOO_LONG}

    def to_python(self, value):
        # Not cut to max_length: too long text must be refused, not silently shortened.
        return " ".join(clean_text(super().to_python(value)).split())


class NeedsField(forms.CharField):
    """Free text: control characters removed, line breaks kept."""

    default_error_messages = {"max_length": TOO_LONG}

    def to_python(self, value):
        return clean_text(super().to_python(value))


class RegistrationForm(ProtectedFormMixin, forms.Form):
    """A sign-up for one event: who, from where, any needs, and consent to storage."""

    default_renderer = ProjectTemplatesRenderer()

    name = LineField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Write your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The confirmation and a link for cancelling are sent here."),
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": _("Write a complete e-mail address, e.g. namn@example.se."),
        },
    )
    organisation = LineField(
        label=_("Organisation"),
        max_length=200,
        error_messages={"required": _("Write the organisation you work for.")},
    )
    role = LineField(label=_("Title or role"), max_length=200, required=False)
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        choices=[("", _("Choose a municipality"))] + MUNICIPALITY_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    needs = NeedsField(
        label=_("Special diet or other needs"),
        max_length=MAX_NEEDS_LENGTH,
        required=False,
        help_text=_(
            "For example allergies, an interpreter or access needs. Only those who organise "
            "the event see it, and it is erased the day after the event."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I have read how my personal data is handled."),
        error_messages={
            "required": _("Tick that you have read how your personal data is handled.")
        },
    )
    # Humans never see this field (CSS) and leave it empty; simple bots fill it.
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, event, state=None, request=None, captcha=None, **kwargs):
        """``event`` needs ``slug`` and ``is_restricted`` (and ``registration_state()``
        when no ``state`` is given); ``captcha`` names the backend, else chosen for ``request``.
        """
        kwargs.setdefault("auto_id", "id_registration_%s")
        super().__init__(*args, **kwargs)
        self.event = event
        self.retention_days = settings.REGISTRATION_RETENTION_DAYS
        self.state = state or event.registration_state()
        captcha_field = captcha_field_for(request, captcha)
        captcha_field.error_messages.update(CAPTCHA_ERRORS)
        self.fields["captcha"] = captcha_field
        if event.is_restricted:
            municipality = self.fields["municipality"]
            municipality.required = True
            municipality.error_messages["required"] = _("Choose the municipality you work in.")
            municipality.help_text = _(
                "This event is for managers in the municipalities of Norrbotten."
            )

    @property
    def helper(self):
        """Built when rendered, after validation, so the consent box can name its error."""
        return self.build_helper()

    def build_helper(self):
        """The crispy layout: fields, the personal-data notice, consent, trap, captcha."""
        helper = FormHelper(self)
        helper.form_action = reverse("events:register", kwargs={"slug": self.event.slug})
        helper.form_method = "post"
        helper.form_class = "registration-form"
        helper.attrs = {"novalidate": ""}
        helper.form_show_errors = True
        # The page is shared: no CSRF token (the POST checks Origin instead).
        helper.disable_csrf = True
        helper.layout = Layout(
            HTML('{% include "events/registration/includes/required_note.html" %}'),
            Field("name", autocomplete="name"),
            Field("email", autocomplete="email"),
            Field("organisation", autocomplete="organization"),
            Field("role", autocomplete="organization-title"),
            "municipality",
            "needs",
            HTML('{% include "events/registration/includes/privacy.html" %}'),
            Field("consent", aria_describedby=self.consent_described_by()),
            Div(HONEYPOT_FIELD, css_class="comment-trap"),
            Field("captcha", template="events/registration/includes/captcha_field.html"),
            Submit("register", self.submit_label(), css_class="btn btn-primary"),
        )
        return helper

    def consent_described_by(self):
        """The privacy text, and the error when there is one (an explicit value replaces Django's)."""
        ids = ["registration-privacy"]
        if self.is_bound and self["consent"].errors:
            ids.append(f"{self['consent'].auto_id}_error")
        return " ".join(ids)

    def submit_label(self):
        if self.state.kind == "waiting":
            return _("Join the waiting list")
        return _("Register me")

    def clean_municipality(self):
        value = self.cleaned_data["municipality"]
        if self.event.is_restricted and value and value not in NORRBOTTEN:
            raise forms.ValidationError(
                _(
                    "Only people who work in one of Norrbotten's municipalities can register "
                    "for this event."
                ),
                code="restricted",
            )
        return value

    def registration_data(self):
        """The cleaned values a :class:`~events.registration.models.Registration` stores."""
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}
