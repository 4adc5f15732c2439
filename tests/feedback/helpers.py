"""Test helpers for page comments: captcha patching and post data."""

import base64
import json
import uuid
from contextlib import ExitStack, contextmanager
from unittest import mock

from django_recaptcha.client import RecaptchaResponse


def fake_altcha_payload():
    """A well-formed ALTCHA payload with a fresh challenge (for patched verification)."""
    payload = {
        "algorithm": "SHA-256",
        "challenge": uuid.uuid4().hex,
        "number": 1,
        "salt": "abc&",
        "signature": "0",
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


@contextmanager
def patch_captcha(valid=True, side_effect=None):
    """Patch the single verification call of both captcha backends.

    ALTCHA: ``altcha.verify_solution`` as django-altcha calls it; reCAPTCHA:
    ``django_recaptcha.fields.client.submit``. Yields the two mocks.
    """
    with ExitStack() as stack:
        altcha_mock = stack.enter_context(
            mock.patch(
                "django_altcha.altcha.verify_solution",
                return_value=(valid, None if valid else "wrong"),
            )
        )
        recaptcha_mock = stack.enter_context(
            mock.patch(
                "django_recaptcha.fields.client.submit",
                return_value=RecaptchaResponse(is_valid=valid),
                side_effect=side_effect,
            )
        )
        yield altcha_mock, recaptcha_mock


def post_data(**overrides):
    """A complete, valid form submission for the start page."""
    data = {
        "text": "Bra sida, men länken till programmet saknas.",
        "page_path": "/",
        "leave_empty": "",
        "captcha": fake_altcha_payload(),
        "g-recaptcha-response": "token-from-google",
    }
    data.update(overrides)
    return data
