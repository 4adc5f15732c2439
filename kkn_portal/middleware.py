"""Site-wide middleware of the foundation: HEAD, security headers, the site's language and
time zone, and the flatpage fallback."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.contrib.flatpages.middleware import (
    FlatpageFallbackMiddleware as BaseFlatpageFallbackMiddleware,
)
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, plus ``Cache-Control: private`` on nonce pages.

    A page whose header carries a nonce must not be stored by a shared cache:
    every visitor would then get the same nonce, which defeats it (RULES C4.8).
    django-csp adds the nonce only when something read ``request.csp_nonce``:
    the admin's prose editor does, public pages never do.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "_csp_nonce", None):
            patch_cache_control(response, private=True)
        return response


class HeadWithoutBodyMiddleware:
    """Answer HEAD with GET's headers and no body, on every route.

    Django hands the WSGI server the body GET would have. The test client and
    runserver drop it quietly; gunicorn drops it too but logs "WSGI app sent
    body bytes on a no-body response" as a WARNING, once for every uptime
    probe. ``Content-Length`` stays (RFC 9110: a HEAD answer may carry the
    length GET would have); it is filled in where nothing set it yet.
    Outermost in MIDDLEWARE, so it sees every answer, refusals included.
    """

    def __init__(self, get_response):
        """Keep the next layer."""
        self.get_response = get_response

    def __call__(self, request):
        """The answer as it is, its body dropped for HEAD."""
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if response.streaming:
            # A file's handle is closed with the response; a generator never started.
            response.streaming_content = []
        else:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: the browser features the site does not use are off.

    Denied for this page and any frame in it, so neither an injected script
    nor an embedded third party (reCAPTCHA, when enabled) can ask for them.
    The value is ``PERMISSIONS_POLICY`` in settings.
    """

    def __init__(self, get_response):
        """Keep the next layer and build the header value once."""
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        """The answer with the header added, unless a view set its own."""
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


class FlatpageFallbackMiddleware(BaseFlatpageFallbackMiddleware):
    """Django's flatpage fallback, only for addresses no URL pattern matched.

    A 404 raised by a view (an unknown article, a page beyond the last) is
    not a missing flatpage; looking one up would cost two queries for each
    made-up address.
    """

    def process_response(self, request, response):
        if getattr(request, "resolver_match", None) is not None:
            return response
        return super().process_response(request, response)


class SiteLocaleMiddleware:
    """Activate the site's one language and time zone for the request, and undo it after.

    Nothing visible changes: without it Django falls back to exactly these
    (LANGUAGE_CODE and TIME_ZONE), and pages do not vary by language. But
    every translation, date and URL looks the active language or time zone
    up in a thread-local, and the fallback is the slow path of that lookup
    (an exception raised and caught each time): a page does it hundreds of
    times. Activated, each lookup finds its value.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(settings.LANGUAGE_CODE)
        timezone.activate(timezone.get_default_timezone())
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
            translation.deactivate()
