"""Template helpers used by every app's templates."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """Return the current query string with some parameters replaced.

    Used by pagination and filters so that ``?bransch=musik&page=2`` keeps the
    filter when the page changes. A value of ``None`` or ``""`` removes the key.
    """
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
