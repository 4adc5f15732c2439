"""POST /evenemang/<slug>/anmalan/: protection, validation, confirmation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from events.registration.models import Registration

from .helpers import make_registrable, make_registration, register_url, registration_data

pytestmark = pytest.mark.django_db


def test_sign_up_answers_303_to_the_confirmation(client, captcha_ok):
    """Stored as confirmed; the confirmation page says "Du är anmäld" and is private."""
    event = make_registrable(capacity=5)
    response = client.post(register_url(event), registration_data())
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert registration.is_confirmed and registration.needs == "Vegetarisk kost"
    assert response["Location"] == registration.get_absolute_url()
    page = client.get(response["Location"])
    assert "Du är anmäld" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_full_event_puts_people_on_the_waiting_list_with_their_number(client, captcha_ok):
    event = make_registrable(capacity=1)
    make_registration(event)
    make_registration(event, status="vantelista")
    response = client.post(register_url(event), registration_data())
    registration = Registration.objects.get(email="alva@example.se")
    assert registration.is_waiting
    page = client.get(response["Location"]).content.decode()
    assert "Du står på väntelistan som nummer 2" in page


def test_the_same_email_twice_gets_a_friendly_message(client, captcha_ok):
    """Case does not matter; nothing new is stored."""
    event = make_registrable()
    make_registration(event, email="Alva@Example.se")
    response = client.post(register_url(event), registration_data(email="alva@example.SE"))
    assert response.status_code == 409
    assert "redan anmäld" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_cancelled_registration_does_not_block_a_new_one(client, captcha_ok):
    event = make_registrable()
    make_registration(event, email="alva@example.se", status="avbokad")
    assert client.post(register_url(event), registration_data()).status_code == 303


def test_database_refuses_a_duplicate_email_for_one_event():
    """The constraint behind the message: one active registration per address, any case."""
    event = make_registrable()
    make_registration(event, email="alva@example.se")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_registration(event, email="ALVA@example.se")
    make_registration(make_registrable(), email="alva@example.se")  # another event is fine


def test_restricted_event_refuses_someone_outside_the_municipalities(client, captcha_ok):
    event = make_registrable(registration_audience="kommuner")
    response = client.post(register_url(event), registration_data(municipality="annan"))
    assert response.status_code == 400
    assert "Norrbottens kommuner" in response.content.decode()
    response = client.post(register_url(event), registration_data(municipality=""))
    assert "Välj den kommun du arbetar i" in response.content.decode()
    assert not Registration.objects.exists()
    assert client.post(register_url(event), registration_data()).status_code == 303


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "", "email": "", "organisation": "", "consent": ""}, "Skriv ditt namn"),
        ({"email": "inte-en-adress"}, "Skriv en fullständig e-postadress"),
        ({"name": "x" * 201}, "högst 200 tecken (du skrev 201)"),
        ({"needs": "x" * 501}, "högst 500 tecken (du skrev 501)"),
        ({"consent": ""}, "Kryssa i att du har läst"),
        ({"municipality": "stockholm"}, "Välj en kommun i listan"),
        ({"captcha": ""}, "Kryssa i rutan"),
        ({"name": "\x00"}, "Skriv ditt namn"),
    ],
    ids=[
        "empty",
        "bad-email",
        "long-name",
        "long-needs",
        "no-consent",
        "bad-choice",
        "captcha",
        "nul",
    ],
)
def test_bad_input_gets_a_swedish_message_and_nothing_is_stored(
    client, captcha_ok, overrides, message
):
    event = make_registrable()
    response = client.post(register_url(event), registration_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="registration-errors"' in html and "autofocus" in html
    assert not Registration.objects.exists()


def test_a_closed_event_refuses_with_a_message(client, captcha_ok):
    event = make_registrable(registration_closes_at=timezone.now() - timedelta(minutes=1))
    response = client.post(register_url(event), registration_data())
    assert response.status_code == 400
    assert "Anmälan till evenemanget är stängd" in response.content.decode()
    assert not Registration.objects.exists()


def test_unpublished_or_unknown_event_is_404(client, captcha_ok):
    event = make_registrable(published=False)
    assert client.post(register_url(event), registration_data()).status_code == 404
    assert client.post("/evenemang/finns-inte/anmalan/", registration_data()).status_code == 404


def test_post_from_another_site_is_refused(captcha_ok):
    from tests.clients import FormClient

    event = make_registrable()
    other = FormClient(HTTP_ORIGIN="https://evil.example")
    assert other.post(register_url(event), registration_data()).status_code == 403
    assert FormClient().post(register_url(event), registration_data()).status_code == 403
    assert not Registration.objects.exists()


def test_honeypot_gets_a_redirect_and_stores_nothing(client, captcha_ok):
    event = make_registrable()
    response = client.post(register_url(event), registration_data(leave_empty="spam"))
    assert response.status_code == 303
    assert not Registration.objects.exists()


def test_a_replayed_captcha_stores_one_registration(client, captcha_ok):
    """A double click: the same solved captcha gives the same confirmation, one row."""
    event = make_registrable()
    data = registration_data()
    first = client.post(register_url(event), data)
    second = client.post(register_url(event), data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


def test_failed_captcha_stores_nothing(client):
    from tests.feedback.helpers import patch_captcha

    event = make_registrable()
    with patch_captcha(valid=False):
        response = client.post(register_url(event), registration_data())
    assert response.status_code == 400
    assert not Registration.objects.exists()


@override_settings(REGISTRATION_RATE_LIMIT="2/m")
def test_rate_limit_answers_429_with_retry_after(client, captcha_ok):
    event = make_registrable()
    for n in range(2):
        client.post(register_url(event), registration_data(email=f"p{n}@example.se"))
    response = client.post(register_url(event), registration_data(email="p9@example.se"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "För många anmälningar" in response.content.decode()
    assert Registration.objects.count() == 2


def test_shared_cache_down_answers_503_with_the_answers_kept(client, captcha_ok, monkeypatch):
    from kkn_portal import ratelimit

    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(ratelimit, "register", down)
    event = make_registrable()
    response = client.post(register_url(event), registration_data())
    assert response.status_code == 503
    assert "Alva Exempelsson" in response.content.decode()
    assert not Registration.objects.exists()


def test_get_goes_to_the_form_on_the_event_page(client):
    event = make_registrable()
    response = client.get(register_url(event))
    assert response.status_code == 303
    assert response["Location"] == f"{event.get_absolute_url()}#anmalan"


def test_unknown_confirmation_secret_is_404(client):
    event = make_registrable()
    assert client.get(f"/evenemang/{event.slug}/anmalan/gissat/").status_code == 404


def test_confirmation_email_is_sent_after_commit(
    client, captcha_ok, django_capture_on_commit_callbacks
):
    """Nothing is sent before the commit; then one message with the .ics."""
    event = make_registrable()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(register_url(event), registration_data())
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_consent_error_is_tied_to_the_box_with_the_privacy_text(client, captcha_ok):
    event = make_registrable()
    html = client.post(register_url(event), registration_data(consent="")).content.decode()
    described = 'aria-describedby="registration-privacy id_registration_consent_error"'
    assert described in html and 'id="id_registration_consent_error"' in html
