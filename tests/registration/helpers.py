"""Builders and post data for registration tests."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from events.registration.models import Registration
from tests.events.factories import make_event
from tests.feedback.helpers import fake_altcha_payload

_people = iter(range(1, 1_000_000))


def make_registrable(**kwargs):
    """A published event in ten days that takes registrations on the portal."""
    start = kwargs.setdefault("start", timezone.now() + timedelta(days=10))
    kwargs.setdefault("end", start + timedelta(hours=6))
    kwargs.setdefault("takes_registrations", True)
    return make_event(**kwargs)


def make_registration(event, **kwargs):
    """A fictitious person's registration (confirmed unless told otherwise)."""
    number = next(_people)
    kwargs.setdefault("name", f"Deltagare {number}")
    kwargs.setdefault("email", f"deltagare{number}@example.se")
    kwargs.setdefault("organisation", "Exempelbolaget AB")
    return Registration.objects.create(event=event, **kwargs)


def registration_data(**overrides):
    """A complete, valid sign-up (the captcha must be patched to pass)."""
    data = {
        "name": "Alva Exempelsson",
        "email": "alva@example.se",
        "organisation": "Luleå kommun",
        "role": "Kulturchef",
        "municipality": "lulea",
        "needs": "Vegetarisk kost",
        "consent": "on",
        "leave_empty": "",
        "captcha": fake_altcha_payload(),
    }
    data.update(overrides)
    return data


def register_url(event):
    return reverse("events:register", kwargs={"slug": event.slug})


def cancel_path(registration):
    """The path of the registration's signed cancel link, as the e-mail gives it."""
    from events.registration.links import cancel_signature

    return reverse(
        "events:cancel-registration",
        kwargs={"slug": registration.event.slug, "signed": cancel_signature(registration)},
    )
