"""What the event page shows about registration: the state and, while open, the form.

Part of the shared, cached event page. The seat count in it is kept fresh
by the content version: ``Registration`` is a registered public model, so
every sign-up and cancellation renews the cached pages (see the README,
"Anmälan", for why this beats fetching the count separately).
"""

from .forms import RegistrationForm


def registration_context(event, request):
    """``{"state", "form"}`` for the event page, or None without registration."""
    if not event.takes_registrations:
        return None
    state = event.registration_state()
    form = None
    # A preview of an unpublished event shows the state; its form could not be sent.
    if state.accepting and event.is_live():
        form = RegistrationForm(event=event, state=state, request=request)
    return {"state": state, "form": form}
