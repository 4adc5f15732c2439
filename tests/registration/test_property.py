"""Property-based test: nothing a visitor can type into the registration form gives a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.registration.models import Registration
from tests.feedback.helpers import patch_captcha
from tests.feedback.test_property import TEXTS, raw_post

from .helpers import make_registrable, register_url, registration_data

pytestmark = pytest.mark.django_db

FIELDS = st.sampled_from(["name", "email", "organisation", "role", "municipality", "needs"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=FIELDS, text=TEXTS, consent=st.sampled_from(["on", "", "\x00", "nej"]))
def test_any_input_gives_a_redirect_or_a_client_error(
    client, field, text, consent, django_settings
):
    """Any text in any field (NUL, lone surrogates, RTL marks, 10 000 characters): 303, 400 or 409."""
    django_settings.REGISTRATION_RATE_LIMIT = "100000/m,100000/d"
    event = make_registrable(capacity=3)
    data = registration_data(
        **{field: text, "consent": consent, "email": f"{len(text)}@example.se"}
    )
    if field == "email":
        data["email"] = text
    with patch_captcha():
        response = raw_post(client, register_url(event), data)
    assert response.status_code in (303, 400, 409), response.status_code
    if response.status_code != 303:
        assert not Registration.objects.filter(event=event).exists()


@pytest.fixture
def django_settings(settings):
    """pytest-django's settings fixture under a name that does not clash with hypothesis."""
    return settings
