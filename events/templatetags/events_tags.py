"""Template tags of the events app: the start-page list and structured data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from events.cards import event_cards
from events.models import Event
from feedback import hidden

register = template.Library()

UPCOMING_COUNT = 3

# As Django's json_script: the JSON cannot close the <script> element or
# open a comment, whatever an editor typed.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("events/includes/upcoming.html")
def upcoming_events(count=UPCOMING_COUNT):
    """The next published events (ongoing ones included), for the start page."""
    return {"cards": event_cards(Event.objects.published().upcoming().for_listing()[:count])}


@register.filter
def reveal_hidden(text):
    """A visitor's text with invisible and direction-changing characters shown as ``[U+202E]``."""
    return hidden.reveal(text)


@register.filter
def ld_json(data):
    """Serialise ``data`` for a ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
