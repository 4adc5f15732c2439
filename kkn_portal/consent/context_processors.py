"""Placeholder until the cookie-consent issue lands."""


def consent(request):
    """Expose the visitor's consent to templates."""
    return {"consent": getattr(request, "consent", None)}
