"""One captcha field, two backends, and the one-time token each solved captcha gives.

ALTCHA (self-hosted proof of work, no cookies, no third party) is the
default. When reCAPTCHA keys are configured (``RECAPTCHA_ENABLED``) and the
visitor has accepted third-party services, the v2 checkbox of
django-recaptcha is used instead. Either way the form sees one field named
``captcha`` that raises a Swedish ``ValidationError`` and never an exception.

A solved captcha is single-use by nature (an ALTCHA challenge is random and
signed, a reCAPTCHA response is accepted once by Google), so it doubles as
the form's one-time token (:func:`one_time_token`): the page needs no
per-visitor token of its own and stays the same for everyone.
"""

import base64
import hashlib
import json
import logging
import uuid

import altcha
import django_altcha
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

from kkn_portal.client_ip import client_ip

logger = logging.getLogger(__name__)


class ProjectTemplatesRenderer(DjangoTemplates):
    """Form renderer that looks in the project's templates/ first.

    Django's default renderer only sees app templates, so the overrides in
    ``templates/django_recaptcha/`` (which add the CSP nonce) would be ignored.
    """

    def get_template(self, template_name):
        try:
            return get_template(template_name)
        except TemplateDoesNotExist:
            return super().get_template(template_name)


# Swedish texts for the ALTCHA web component (its `strings` option).
ALTCHA_STRINGS = {
    "ariaLinkLabel": _("Visit altcha.org"),
    "enterCode": _("Enter the code"),
    "enterCodeAria": _("Enter the code you hear. Press Space to play the sound."),
    "error": _("The check failed. Please try again later."),
    "expired": _("The check has expired. Please try again."),
    "footer": _("Protected by ALTCHA"),
    "getAudioChallenge": _("Get an audio challenge"),
    "label": _("I am not a robot"),
    "loading": _("Loading…"),
    "reload": _("Reload"),
    "verify": _("Verify"),
    "verificationRequired": _("Please tick the box first."),
    "verified": _("Verified"),
    "verifying": _("Checking…"),
    "waitAlert": _("Checking… please wait."),
}


# Without JavaScript there is no check to pass: the message says so and names
# the address (FEEDBACK_REPLY_ADDRESS) instead of asking for a box to tick.
NOT_CHECKED = _(
    "The check that you are not a robot was not done. It needs JavaScript: turn it on "
    "and send again, or e-mail your comment to %(address)s."
)


def not_checked_message():
    """The "required" error of both captcha fields, with the reply address."""
    return NOT_CHECKED % {"address": settings.FEEDBACK_REPLY_ADDRESS}


class AltchaWidget(django_altcha.AltchaWidget):
    """The ALTCHA widget with our template, Swedish texts and stylesheet."""

    template_name = "feedback/widgets/altcha.html"
    # False for a second widget on a page: the stylesheet's id must be unique,
    # and the first widget's script serves both.
    with_assets = True

    def get_context(self, name, value, attrs):
        # Fetched when needed (and again after expiry) from our own URL, so a
        # visitor who writes for a long time still gets a fresh challenge.
        self.options["challengeurl"] = reverse("feedback:challenge")
        self.options["strings"] = {key: str(text) for key, text in ALTCHA_STRINGS.items()}
        context = super().get_context(name, value, attrs)
        context["altcha_css_url"] = static("feedback/altcha.css")
        context["with_assets"] = self.with_assets
        return context


class AltchaField(django_altcha.AltchaField):
    """ALTCHA proof of work; each solved challenge is accepted once."""

    widget = AltchaWidget
    default_error_messages = {
        "error": _("The check that you are a human failed. Please try again."),
        "invalid": _("The check that you are a human failed. Please try again."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("auto", "onfocus")  # solve while the visitor writes
        kwargs.setdefault("hidefooter", True)
        kwargs.setdefault("hidelogo", True)
        super().__init__(**kwargs)
        self.error_messages["required"] = not_checked_message()

    def validate(self, value):
        """Check the solution's signature and expiry; a malformed one is a form error.

        Replays are settled where the comment is stored: the challenge is its
        one-time token (:func:`one_time_token`), unique in the database.
        """
        forms.Field.validate(self, value)
        try:
            verified, error = altcha.verify_solution(
                payload=value, hmac_key=django_altcha.get_hmac_key(), check_expires=True
            )
        except Exception as exc:  # noqa: BLE001 - anything a visitor can send
            logger.warning("ALTCHA payload refused: %s", type(exc).__name__)
            raise ValidationError(self.error_messages["error"], code="error") from None
        if not verified:
            logger.info("ALTCHA solution refused: %s", error)
            raise ValidationError(self.error_messages["invalid"], code="invalid")


class ReCaptchaWidget(ReCaptchaV2Checkbox):
    """The v2 checkbox, rendered the same for every visitor (no random id, no inline script)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.uuid = "comment"

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # The callback would need an inline script; the checkbox works without one.
        attrs.pop("data-callback", None)
        attrs.pop("data-widget-uuid", None)
        return attrs


class SafeReCaptchaField(ReCaptchaField):
    """reCAPTCHA v2 that turns an unreachable Google into a form error.

    django-recaptcha only catches ``HTTPError``; a refused connection, DNS
    failure or timeout would be a 500. The address sent to Google is the
    proxy-validated one, not a raw ``X-Forwarded-For``.
    """

    widget = ReCaptchaWidget
    default_error_messages = {
        "captcha_invalid": _("The check that you are a human failed. Please try again."),
        "captcha_error": _(
            "The check that you are a human could not be completed right now. Please try again in a moment."
        ),
    }

    def __init__(self, request=None, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["required"] = not_checked_message()
        self.request = request
        self.widget.api_params = {"hl": "sv"}

    def get_remote_ip(self):
        """The proxy-validated client address instead of django-recaptcha's raw XFF."""
        return client_ip(self.request) if self.request is not None else ""

    def validate(self, value):
        try:
            super().validate(value)
        except (OSError, ValueError, KeyError) as exc:
            # OSError covers URLError, HTTPError and socket timeouts;
            # ValueError/KeyError an answer that is not Google's JSON.
            logger.warning("reCAPTCHA verification unavailable: %r", exc)
            raise ValidationError(
                self.error_messages["captcha_error"], code="captcha_error"
            ) from exc


def visitor_allows_external(request):
    """Tell whether the visitor accepted third-party services (cookie consent)."""
    consent = getattr(request, "consent", None)
    allows = getattr(consent, "allows", None)
    return bool(callable(allows) and allows("externa"))


def one_time_token(field, raw_value):
    """The UUID a solved captcha stands for, or None when ``raw_value`` holds none.

    ``field`` is the form's captcha field, ``raw_value`` what was posted for
    it. Taken before any check (so a repeated post is known before Google is
    asked again); an invented value only names a comment that does not
    exist. A keyed digest, so the stored value reveals nothing.
    """
    if not raw_value or not isinstance(raw_value, str):
        return None
    if isinstance(field, SafeReCaptchaField):
        seed = "recaptcha:" + raw_value
    else:
        try:
            seed = "altcha:" + json.loads(base64.b64decode(raw_value))["challenge"]
        except (ValueError, TypeError, KeyError):
            return None
    digest = hashlib.blake2b(seed.encode(), digest_size=16, key=b"feedback.one-time-token")
    return uuid.UUID(bytes=digest.digest())


RECAPTCHA, ALTCHA = "recaptcha", "altcha"


def captcha_backend(request):
    """``RECAPTCHA`` when configured and accepted by the visitor, otherwise ``ALTCHA``."""
    if settings.RECAPTCHA_ENABLED and request is not None and visitor_allows_external(request):
        return RECAPTCHA
    return ALTCHA


def captcha_field_for(request, backend=None):
    """The captcha field of ``backend`` (by default the one :func:`captcha_backend` picks)."""
    if (backend or captcha_backend(request)) == RECAPTCHA:
        return SafeReCaptchaField(request=request, label=_("Check that you are a human"))
    return AltchaField(label=_("Check that you are a human"))
