"""Template tags of the events app: the start-page list and structured data."""

from django import template

from events.cards import event_cards
from events.models import Event
from feedback import hidden
from kkn_portal.jsonld import script_json

register = template.Library()

UPCOMING_COUNT = 3


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
    return script_json(data)
