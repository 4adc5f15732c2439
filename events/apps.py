"""App configuration for events."""

import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# An event is upcoming up to and including its end instant; it is past one tick later.
TICK = datetime.timedelta(microseconds=1)


def after_end(end):
    """The instant an event stops being upcoming (``upcoming()`` is ``end >= now``)."""
    return end + TICK


class EventsConfig(AppConfig):
    """Events, venues, programmes and calendar files."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        """Tell the portal's registries about events (kkn_portal imports no app)."""
        from kkn_portal import content_version, overview, pages, sitemaps
        from kkn_portal.content_version import Transition
        from kkn_portal.previews.views import register_preview
        from kkn_portal.search.sources import Source, register_source

        from .models import Event, Organisation, ProgrammeItem, Registration, Venue
        from .overview import events_section
        from .registration.overview import registrations_section
        from .sitemaps import EventSitemap
        from .views import EventPreviewView

        released = Event.objects.released
        content_version.register(
            Event,
            ProgrammeItem,
            Venue,
            Organisation,
            # The seat count on the event page changes with every sign-up and cancellation.
            Registration,
            transitions=[
                # Events go live at their publication time, are ongoing from their start,
                # past after their end; registration opens and closes at its set times
                # (closed from the closing instant on: ``now >= registration_closes_at``).
                Transition(released, "published_at"),
                Transition(released, "start"),
                Transition(released, "registration_opens"),
                Transition(released, "registration_closes_at"),
                Transition(released, "end", inclusive=False, to_instant=after_end),
            ],
        )
        register_source(Source("event", _("Event"), Event, "description", "start"))
        register_preview("event", EventPreviewView)
        overview.register("events", "events.view_event", events_section)
        overview.register("registrations", "events.view_registration", registrations_section)
        sitemaps.register("events", EventSitemap, index="events:index")
        pages.register_fixed("events:index", _("Events"))
        pages.register_fixed("events:past", _("Past events"))
        pages.register_rows("events:detail", Event.objects.published)
