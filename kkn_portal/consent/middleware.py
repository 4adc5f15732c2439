"""Placeholder until the cookie-consent issue lands: no choice is known."""


class ConsentMiddleware:
    """Pass-through; the consent issue replaces this with the real filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
