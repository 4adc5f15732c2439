"""What the event page shows about registration: the state and, while open, the form.

Part of the shared, cached event page. The seat count in it is kept fresh
by the content version: ``Registration`` is a registered public model, so
every sign-up and cancellation renews the cached pages (see the README,
"Anmälan", for why this beats fetching the count separately).

The empty form is the same for every visitor of an event, so its HTML is
rendered once per process for what it depends on (:func:`rendered_form`),
like the comment form: crispy-forms' rendering costs more than the rest of
the event page.
"""

from typing import NamedTuple

from crispy_forms.utils import render_crispy_form
from django.utils.safestring import mark_safe

from feedback.captcha import captcha_backend
from kkn_portal.memo import environment, process_memo

from .forms import RegistrationForm
from .settings import RegistrationState

# Forms kept per process: one per event, state and captcha backend.
MEMO_SIZE = 256


class FormEvent(NamedTuple):
    """What the empty form reads of its event."""

    slug: str
    is_restricted: bool


@process_memo(maxsize=MEMO_SIZE)
def rendered_form(event, waiting, captcha, env):
    """The HTML of the empty form: a function of its arguments alone.

    ``env`` (:func:`kkn_portal.memo.environment`) only keys the memo: the
    form is rendered in the language and URL configuration it names.
    """
    state = RegistrationState("waiting" if waiting else "open")
    form = RegistrationForm(event=event, state=state, captcha=captcha)
    return mark_safe(render_crispy_form(form))  # noqa: S308 - our own template output


def registration_context(event, request):
    """``{"state", "form"}`` for the event page, or None without registration."""
    if not event.takes_registrations:
        return None
    state = event.registration_state()
    form = None
    # A preview of an unpublished event shows the state; its form could not be sent.
    if state.accepting and event.is_live():
        form = rendered_form(
            FormEvent(event.slug, event.is_restricted),
            state.kind == "waiting",
            captcha_backend(request),
            environment(),
        )
    return {"state": state, "form": form}
