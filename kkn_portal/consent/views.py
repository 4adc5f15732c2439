"""The cookie page and the three consent views (accept all, only necessary, save).

CSRF: the consent forms sit in the banner on every page. ``{% csrf_token %}``
there would set the CSRF cookie on every first visit and make every page
personal, and PTS wants the start page and most pages cookie-free (RULES
R1.4, C1.1). So these views are ``csrf_exempt`` and instead require the
request to come from this site (:func:`kkn_portal.origin.is_same_origin`):
a forged cross-site POST could otherwise plant consent the visitor never
gave, which would make the consent invalid.
"""

import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from django.views.generic import TemplateView, View

from kkn_portal import ratelimit
from kkn_portal.origin import is_same_origin
from kkn_portal.views import csrf_failure

from . import registry, state
from .forms import CategoryForm, NextForm
from .models import ConsentRecord

# A local path: one leading slash, no scheme-relative "//" or "/\", no
# whitespace or control characters (browsers strip some and then follow them).
_LOCAL_PATH = re.compile(r"\A/(?![/\\])[^\s\\\x00-\x1f\x7f]*\Z")
MAX_NEXT_LENGTH = 2000
RATE_LIMIT_SCOPE = "consent.ratelimit"

logger = logging.getLogger(__name__)


def page_of_referer(request):
    """The path and query of the page the POST came from, if it is one of ours, else ""."""
    referer = request.headers.get("Referer", "")
    try:
        parts = urlsplit(referer)
    except ValueError:
        return ""
    if f"{parts.scheme}://{parts.netloc}" != f"{request.scheme}://{request.get_host()}":
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def safe_next(request, value):
    """``value`` if it is a path on this site, otherwise the start page."""
    if (
        value
        and len(value) <= MAX_NEXT_LENGTH
        and _LOCAL_PATH.match(value)
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return "/"


def register_choice(request):
    """Count one consent post (``CONSENT_RATE_LIMIT``); the seconds to wait, or 0.

    When the shared cache cannot be reached the post is not counted but let
    through: a choice must always be possible, and its record is the proof
    the site needs (README, "Cookie consent"). Comments fail the other way.
    """
    try:
        limits = ratelimit.parse_limits(settings.CONSENT_RATE_LIMIT)
        return ratelimit.register(request, RATE_LIMIT_SCOPE, limits)
    except Exception as exc:  # noqa: BLE001 - any failure of the shared cache
        logger.warning("Consent choice not counted: rate limit unavailable: %r", exc)
        return 0


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ConsentView(View):
    """Record a choice, store it in the consent cookie and go back to the page.

    Without JavaScript the answer is a 303 redirect to ``next`` (the cookie
    page's form names it) or else to the page in ``Referer``: the banner
    names no page, so it is the same on every page and a page's 404 is the
    same whatever address was asked for. The banner's script sends
    ``X-Consent-Fetch: 1`` and gets 204. The new choice is put
    on ``request.consent``, so the middleware deletes optional cookies the
    visitor no longer accepts (``Max-Age=0``) on this very response. Too
    many choices from one client (``CONSENT_RATE_LIMIT``): 429, nothing
    recorded or changed.
    """

    http_method_names = ["post"]
    form_class = NextForm

    def accepted(self, form):
        """The optional category keys this choice accepts."""
        raise NotImplementedError

    def get_form(self):
        return self.form_class(self.request.POST)

    def post(self, request):
        if not is_same_origin(request):
            return csrf_failure(request)
        wait = register_choice(request)
        if wait:
            # Nothing changes: without a valid choice no optional cookie is used.
            response = render(request, "consent/rate_limited.html", status=429)
            response["Retry-After"] = str(wait)
            return response
        form = self.get_form()
        if not form.is_valid():
            return render(request, "400.html", status=400)
        consent = state.Consent.new(self.accepted(form))
        ConsentRecord.objects.create(
            consent_id=consent.consent_id,
            policy_version=consent.version,
            categories=sorted(consent.categories),
        )
        if request.headers.get("X-Consent-Fetch") == "1":
            response = HttpResponse(status=204)
        else:
            back = form.cleaned_data["next"] or page_of_referer(request)
            response = HttpResponseRedirect(safe_next(request, back), status=303)
        state.set_cookie(request, response, consent)
        request.consent = consent
        return response


class AcceptAllView(ConsentView):
    """ "Godkänn alla": every optional category."""

    def accepted(self, form):
        return registry.OPTIONAL_KEYS


class RejectAllView(ConsentView):
    """ "Endast nödvändiga": no optional category (stored, so the banner goes away)."""

    def accepted(self, form):
        return ()


class SaveView(ConsentView):
    """The category form on /cookies/: exactly the ticked categories."""

    form_class = CategoryForm

    def accepted(self, form):
        return form.accepted()


# Compressed although personal: it holds no secret an attacker could recover
# by BREACH (no CSRF token; the consent number grants nothing without the
# cookie's signature) and reflects no visitor text.
@method_decorator([never_cache, gzip_page], name="dispatch")
class CookiesView(TemplateView):
    """/cookies/: what cookies are, every cookie in use, the choice and how to change it.

    Personal (it shows the visitor's choice and consent number), so it is
    never stored by any cache; gzip-compressed on every request instead.
    """

    template_name = "consent/cookies.html"

    def get_context_data(self, **kwargs):
        consent = getattr(self.request, "consent", state.NO_CHOICE)
        in_use = registry.cookies_in_use()
        return super().get_context_data(
            sections=[
                (category, [entry for entry in in_use if entry.category == category.key])
                for category in registry.CATEGORIES
            ],
            has_prefix=any(entry.prefix for entry in in_use),
            external_in_use=any(entry.third_party for entry in in_use),
            necessary=registry.get_category(registry.NECESSARY),
            form=CategoryForm(consent=consent, initial={"next": self.saved_url()}),
            saved=consent.has_chosen and "sparat" in self.request.GET,
            **kwargs,
        )

    @staticmethod
    def saved_url():
        """Where the settings form returns to: this page, saying the choice was saved."""
        return reverse("consent:cookies") + "?sparat=1#ditt-val"
