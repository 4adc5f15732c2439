"""Site-wide middleware of the foundation (security headers)."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.utils.cache import patch_cache_control


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, plus ``Cache-Control: private`` on nonce pages.

    A page whose header carries a nonce must not be stored by a shared cache:
    every visitor would then get the same nonce, which defeats it (RULES C4.8).
    django-csp adds the nonce only when a template used ``CSP_NONCE``.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "_csp_nonce", None):
            patch_cache_control(response, private=True)
        return response
