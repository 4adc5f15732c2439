"""The visitor's side of registration: sign up (POST), confirmation, cancel.

The form sits on the shared event page, so the POST is protected as the
comment form's is: the Origin check instead of a CSRF token, the rate
limit in the shared cache, the honeypot, and the solved captcha as the
one-time token. The confirmation and cancel pages are personal (they name
a registration through its secret), so they are never cached or indexed.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View

from events.models import Event
from kkn_portal import ratelimit
from kkn_portal.origin import is_same_origin
from kkn_portal.views import RETRY_AFTER_SECONDS, csrf_failure

from . import booking
from .forms import RegistrationForm
from .links import LinkError, registration_for
from .models import Registration

logger = logging.getLogger(__name__)

RATE_SCOPE = "events.registration"
FORM_ANCHOR = "anmalan"


def see_other(url):
    """303: a reload repeats the GET, not the POST."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def private(response):
    """A personal page: never stored by any cache, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class RegisterView(View):
    """``POST /evenemang/<slug>/anmalan/``: store a sign-up, then 303 to its confirmation.

    Not from this site: 403. Over the rate limit: 429; the shared cache
    unreachable: 503 with the form kept. Honeypot filled: 303 back to the
    event, nothing stored. A replayed captcha: 303 to the registration it
    already made. Invalid or refused: the form with its errors (400).
    A GET goes to the form on the event page.
    """

    http_method_names = ["get", "head", "post"]  # HEAD as GET (uptime probes, link checkers)

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        return see_other(f"{event.get_absolute_url()}#{FORM_ANCHOR}")

    def post(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        if not is_same_origin(request):
            return csrf_failure(request)
        form = RegistrationForm(request.POST, event=event, request=request)
        try:
            wait = ratelimit.register(
                request, RATE_SCOPE, ratelimit.parse_limits(settings.REGISTRATION_RATE_LIMIT)
            )
        except Exception as exc:  # noqa: BLE001 - any failure of the shared cache
            logger.warning("Registration refused: rate limit unavailable: %r", exc)
            return self.invalid(request, event, form, status=503, unavailable=True)
        if wait:
            response = render(request, "events/registration/rate_limited.html", status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.honeypot_filled:
            return see_other(event.get_absolute_url())
        token = form.one_time_token
        earlier = token and Registration.objects.filter(form_token=token).first()
        if earlier:
            return see_other(earlier.get_absolute_url())
        if not form.is_valid():
            return self.invalid(request, event, form)
        try:
            registration = booking.register(event, form_token=token, **form.registration_data())
        except booking.RegistrationRefused as refused:
            form.add_error("email" if refused.code == "duplicate" else None, refused.message)
            return self.invalid(
                request, event, form, status=409 if refused.code == "duplicate" else 400
            )
        return see_other(registration.get_absolute_url())

    def invalid(self, request, event, form, status=400, unavailable=False):
        """The form again, on a page of its own, with the visitor's answers and the errors."""
        if unavailable:
            response_form = RegistrationForm(initial=form.data.dict(), event=event, request=request)
        else:
            response_form = form
        context = {"event": event, "form": response_form, "unavailable": unavailable}
        response = render(request, "events/registration/form_page.html", context, status=status)
        if unavailable:
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return private(response)


class ConfirmationView(View):
    """``/evenemang/<slug>/anmalan/<secret>/``: "Du är anmäld" or the place on the waiting list."""

    def get(self, request, slug, token):
        registration = get_object_or_404(
            Registration.objects.select_related("event"), token=token, event__slug=slug
        )
        context = {"registration": registration, "event": registration.event}
        return private(render(request, "events/registration/confirmation.html", context))


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class CancelView(View):
    """The signed link from the e-mail: GET asks, POST cancels and frees the seat."""

    http_method_names = ["get", "head", "post"]  # HEAD as GET (uptime probes, link checkers)

    def get(self, request, slug, signed):
        try:
            registration = registration_for(signed, slug)
        except LinkError as error:
            return self.bad_link(request, error)
        context = {"registration": registration, "event": registration.event}
        return private(render(request, "events/registration/cancel.html", context))

    def post(self, request, slug, signed):
        if not is_same_origin(request):
            return csrf_failure(request)
        try:
            registration = registration_for(signed, slug)
        except LinkError as error:
            return self.bad_link(request, error)
        booking.cancel(registration)
        return see_other(registration.get_absolute_url())

    def bad_link(self, request, error):
        """A forged, changed or expired link: say so in plain Swedish (400 or 410)."""
        status = 410 if error.reason == "expired" else 400
        context = {"reason": error.reason}
        return private(render(request, "events/registration/bad_link.html", context, status=status))
