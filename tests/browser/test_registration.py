"""Registration in a real browser: sign up for the demo event, cancel from the e-mail.

The real ALTCHA widget is solved in the browser; the confirmation e-mail
lands in Django's locmem outbox (the live server runs in this process) and
its signed link is opened like a visitor would. The form, its errors and
the confirmation page pass the same checks (axe, weight, reflow) as every page.
"""

import re

import pytest
from django.core import mail

from events.models import Event
from events.registration.models import Registration

FORM = "form.registration-form"
VERIFIED = f"{FORM} altcha-widget [data-state='verified']"
CANCEL_LINK = re.compile(r"https?://[^/\s]+(/evenemang/\S+/anmalan/avboka/\S+/)")


@pytest.fixture
def demo_event(demo):
    return Event.objects.get(takes_registrations=True, capacity=40)


def seats_text(page):
    return page.locator("#anmalan .registration-state").inner_text()


def test_register_then_cancel_from_the_email(probe, demo_event):
    """Form → "Du är anmäld" → the e-mail's cancel link → the seat is free again."""
    page = probe.page
    taken = demo_event.registrations.confirmed().count()
    probe.visit(demo_event.get_absolute_url())
    assert seats_text(page) == f"{40 - taken} platser kvar"
    problems = probe.problems()
    assert not problems, "event page with the form:\n" + "\n".join(problems)

    page.set_viewport_size({"width": 1280, "height": 900})
    form = page.locator(FORM)
    form.get_by_label("Namn").fill("Vera Webbläsarsson")
    form.get_by_label("E-postadress").fill("vera@example.se")
    form.get_by_label("Organisation").fill("Testbolaget AB")
    form.get_by_label("Kommun").select_option(label="Luleå")
    form.get_by_label(re.compile("Jag har läst")).check()
    form.locator("altcha-widget input[type='checkbox']").check()
    page.wait_for_selector(VERIFIED, timeout=20_000)
    probe.submit(form.get_by_role("button", name="Anmäl mig"))

    assert page.get_by_role("heading", level=1).inner_text() == "Du är anmäld"
    problems = probe.problems()
    assert not problems, "confirmation page:\n" + "\n".join(problems)
    registration = Registration.objects.get(email="vera@example.se")
    assert registration.is_confirmed

    (message,) = [m for m in mail.outbox if m.to == ["vera@example.se"]]
    cancel_path = CANCEL_LINK.search(message.body).group(1)
    probe.visit(cancel_path)
    probe.submit(page.get_by_role("button", name="Ja, avboka min anmälan"))
    assert page.get_by_role("heading", level=1).inner_text() == "Din anmälan är avbokad"

    probe.visit(demo_event.get_absolute_url())
    assert seats_text(page) == f"{40 - taken} platser kvar"
    registration.refresh_from_db()
    assert registration.is_cancelled


def test_errors_are_summarised_focused_and_tied_to_fields(probe, demo_event):
    """An empty form (browser checks off): 400, the summary has focus, errors tied, axe clean."""
    page = probe.page
    probe.visit(demo_event.get_absolute_url())
    page.evaluate(f"document.querySelector('{FORM}').noValidate = true")
    probe.submit(page.locator(FORM).get_by_role("button", name="Anmäl mig"), expected_status=400)
    assert page.evaluate("document.activeElement.id") == "registration-errors"
    email = page.locator(FORM).get_by_label("E-postadress")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_registration_email_error" in (email.get_attribute("aria-describedby") or "")
    problems = probe.problems()
    assert not problems, "form with errors:\n" + "\n".join(problems)
    assert not Registration.objects.filter(email="").exists()
