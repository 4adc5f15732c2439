"""Template helpers used by every app's templates."""

import unicodedata
from urllib.parse import urlencode

from django import template
from django.template import Context
from django.template.defaultfilters import stringfilter
from django.template.loader import get_template
from django.utils.text import Truncator

from kkn_portal import dates
from kkn_portal.memo import environment, process_memo
from kkn_portal.richtext import safe_html

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """Return the current query string with some parameters replaced.

    Used by pagination and filters so that ``?bransch=musik&page=2`` keeps the
    filter when the page changes. A value of ``None`` or ``""`` removes the key.
    The same string as ``QueryDict.copy()``, ``[key] = value`` and ``urlencode()``
    would give (order kept, a replaced key stays in its place), without the
    deep copy: pagination calls this once per page link.
    """
    params = dict(context["request"].GET.lists())
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = [value]
    encoded = urlencode([(key, value) for key, values in params.items() for value in values])
    return f"?{encoded}" if encoded else "?"


@register.filter(expects_localtime=True)
def long_date(value):
    """``{{ when|long_date }}``: the same as ``{{ when|date:"j F Y" }}``, at a fraction of the cost."""
    return _formatted(dates.long_date, value)


@register.filter(expects_localtime=True)
def iso(value):
    """``{{ when|iso }}``: the same as ``{{ when|date:"c" }}``, at a fraction of the cost."""
    return _formatted(dates.iso, value)


@register.filter(is_safe=True)
@stringfilter
def truncated(value, length):
    """``{{ text|truncated:300 }}``: the same as ``truncatechars:300``, cheap when nothing is cut.

    Django's Truncator steps through the text a character at a time even
    when it is short enough (about 1 000 instructions a character), and a
    lead is usually shorter than the description it fills.
    """
    text = unicodedata.normalize("NFC", value)  # as Truncator does first
    if len(text) <= length:
        # Truncator counts only non-combining characters: nothing to cut here.
        return text
    return Truncator(value).chars(length)


@register.filter
def rich_text(value):
    """``{{ html|rich_text }}``: stored rich text cleaned again (nh3) and marked safe."""
    return safe_html(value)


@register.filter
def moment(value):
    """``{{ when|moment }}``: "3 december kl. 08.00" (the year too when it is not this one)."""
    return _formatted(dates.moment, value)


@register.filter
def closing_date(value):
    """``{{ closes|closing_date }}``: "3 december 2026"; a midnight closing is the day before."""
    return _formatted(lambda when: dates.long_date(dates.closing(when)[0]), value)


@register.filter
def closing_time(value):
    """``{{ closes|closing_time }}``: "12.00"; a midnight closing is "24.00" (``dates.closing``)."""
    return _formatted(lambda when: dates.closing(when)[1], value)


def _formatted(formatter, value):
    # What the date filter gives for nothing or for a value that is no date.
    if value in (None, ""):
        return ""
    try:
        return formatter(value)
    except AttributeError:
        return ""


# Values a memoised include may take: hashable, and rendered the same every time.
MEMO_VALUE_TYPES = (str, int, bool, type(None))


@register.simple_tag(takes_context=True)
def memo_include(context, template_name, **values):
    """``{% include template_name with values only %}``, rendered once per process.

    For the pieces of the layout every page repeats (header, footer, cookie
    banner): the template sees nothing but ``values``, so its HTML is a
    function of the template, the values and :func:`kkn_portal.memo.environment`,
    which together key the memo. Values must be strings, numbers, booleans
    or None; the type is part of the key, so a safe string and an escaped
    one never share an entry.
    """
    items = []
    for name, value in sorted(values.items()):
        if not isinstance(value, MEMO_VALUE_TYPES):
            raise TypeError(f"memo_include: {name} is a {type(value).__name__}")
        items.append((name, type(value), value))
    flags = (context.autoescape, context.use_l10n, context.use_tz)
    return _rendered_include(template_name, tuple(items), flags, environment())


@process_memo(maxsize=1024)
def _rendered_include(template_name, items, flags, env):
    autoescape, use_l10n, use_tz = flags
    values = {name: value for name, _type, value in items}
    context = Context(values, autoescape=autoescape, use_l10n=use_l10n, use_tz=use_tz)
    return get_template(template_name).template.render(context)


@register.inclusion_tag("includes/reply_address.html")
def reply_address():
    """The e-mail link where visitors write for an answer (``FEEDBACK_REPLY_ADDRESS``)."""
    from django.conf import settings

    return {"address": settings.FEEDBACK_REPLY_ADDRESS}
