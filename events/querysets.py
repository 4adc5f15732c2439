"""Queries over events: the one definition of public, upcoming and past."""

import datetime

from django.db.models import F, Prefetch
from django.utils import timezone

from kkn_portal import content_version
from kkn_portal.images.models import PICTURE_FIELDS
from kkn_portal.publication import PublicationQuerySet


def month_bounds(year, month):
    """Return the aware start of ``year-month`` and of the month after, in local time."""
    start = datetime.datetime(year, month, 1)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    return timezone.make_aware(start, tz), timezone.make_aware(following, tz)


# The columns of an event card, its venue's included.
LISTING_FIELDS = (
    "title",
    "slug",
    "kind",
    "lead",
    "start",
    "end",
    "event_status",
    *PICTURE_FIELDS,
    "venue__name",
    "venue__municipality",
)


class EventQuerySet(PublicationQuerySet):
    """Chainable filters: ``Event.objects.published().upcoming()``."""

    def upcoming(self):
        """Ongoing and future events (not yet ended), soonest first.

        An event that started yesterday and ends tomorrow is upcoming; one
        that ended a second ago is past. The boundary is the end time itself:
        an event is upcoming up to and including the instant it ends.
        """
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        """Events that have ended, the most recent first."""
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def of_kind(self, kind):
        """Events of one kind (a ``Event.Kind`` value); all when ``kind`` is empty."""
        return self.filter(kind=kind) if kind else self

    def in_month(self, year, month):
        """Events that take place (at least partly) in a calendar month, local time."""
        first, following = month_bounds(year, month)
        return self.filter(start__lt=following, end__gte=first)

    def for_listing(self):
        """What list pages and cards show (``events/includes/event_cards.html``), in one query.

        Only those columns: a card shows no description, and every other
        column would be fetched, converted and tracked for nothing. A card
        that needs another field must name it in ``LISTING_FIELDS``; the query
        count tests of the lists fail otherwise (one query per card).
        """
        return self.select_related("venue").only(*LISTING_FIELDS)

    def for_detail(self):
        """Everything an event page shows, in a constant number of queries.

        Related articles are limited to published ones here, so a template
        can never show a draft by accident.
        """
        from news.models import Article

        return self.select_related("venue").prefetch_related(
            "programme",
            "organisers",
            "contacts",
            "branches",
            Prefetch(
                "related_articles",
                # What the event page shows of a related article: title, link and date.
                queryset=Article.objects.published()
                .only("title", "slug", "published_at")
                .order_by("-published_at"),
                to_attr="published_articles",
            ),
        )

    def touch(self, **values):
        """Update rows and bump their iCalendar SEQUENCE, as ``Event.save()`` does.

        ``update()`` sends no signal, so the public content version is bumped
        here (admin actions, a venue's new address): cached pages must change.
        """
        count = self.update(sequence=F("sequence") + 1, updated_at=timezone.now(), **values)
        content_version.bump(self.db)
        return count
