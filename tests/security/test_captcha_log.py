"""Malformed captcha payloads (issue 16, item 5): a form error and one warning line, no traceback.

django-altcha's own field logs any exception from the verifier with
``logger.exception`` (ERROR and a full traceback), so anyone could fill the
error log. ``feedback.captcha.AltchaField`` answers a form error and logs
one line at WARNING.
"""

import base64
import json
import logging

import pytest
from django.urls import reverse

from events.registration.models import Registration
from feedback.models import Comment
from tests.feedback.helpers import post_data
from tests.registration.helpers import make_registrable, register_url, registration_data

pytestmark = pytest.mark.django_db


def payload(**fields):
    """A base64 JSON payload with the fields a real solution has, overridden by ``fields``."""
    solution = {"algorithm": "SHA-256", "challenge": "a" * 64, "number": 1, "salt": "s"}
    solution.update(signature="0", **fields)
    return base64.b64encode(json.dumps(solution).encode()).decode()


# Payloads the verifier raises on (a salt that is not text), and ones it merely refuses.
RAISING = [payload(salt=5), payload(salt={"expires": 1}), payload(salt=[1, 2])]
REFUSED = ["x", "%%%", "åäö", "bm90IGpzb24=", base64.b64encode(b"[1,2]").decode(), "A" * 5000]


@pytest.mark.parametrize("garbage", RAISING + REFUSED)
def test_malformed_payload_is_a_form_error_without_an_error_log(browser, caplog, garbage):
    """400 with the captcha's Swedish error; nothing logged at ERROR, no traceback anywhere."""
    with caplog.at_level(logging.DEBUG):
        response = browser.post(reverse("feedback:post"), post_data(captcha=garbage))
    assert response.status_code == 400
    assert response.context["form"].errors["captcha"] == [
        "Kontrollen av att du är en människa misslyckades. Försök igen."
    ]
    assert Comment.objects.count() == 0
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert [r for r in caplog.records if r.exc_info] == []
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("garbage", RAISING)
def test_a_payload_the_verifier_chokes_on_is_one_warning_line(browser, caplog, garbage):
    """Exactly one WARNING from the captcha field, on one line, naming only the exception type."""
    with caplog.at_level(logging.DEBUG, logger="feedback.captcha"):
        browser.post(reverse("feedback:post"), post_data(captcha=garbage))
    records = [r for r in caplog.records if r.name == "feedback.captcha"]
    assert [(r.levelname, r.getMessage()) for r in records] == [
        ("WARNING", "ALTCHA payload refused: AttributeError")
    ]


@pytest.mark.parametrize("garbage", RAISING + REFUSED[:2])
def test_registration_answers_a_malformed_payload_the_same_way(browser, caplog, garbage):
    """The registration form's captcha: 400, nothing at ERROR, no traceback, nobody registered."""
    event = make_registrable()
    with caplog.at_level(logging.DEBUG):
        response = browser.post(register_url(event), registration_data(captcha=garbage))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "Traceback" not in caplog.text
