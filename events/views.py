"""Public event pages, calendar files and editors' previews."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View
from django.views.generic.detail import SingleObjectMixin

from kkn_portal.memo import content_memo
from kkn_portal.previews.views import SharedPreviewMixin
from kkn_portal.site_url import absolute_url

from .cards import event_cards, programme_days
from .forms import EventFilterForm
from .ical import build_calendar
from .links import google_calendar_url, outlook_calendar_url
from .models import Event
from .registration.page import registration_context
from .structured_data import event_json_ld

PREVIEW_PERMISSION = "events.change_event"
ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"


@content_memo(maxsize=4)
def month_choices(language):
    """The month filter's choices, read and labelled once per content version and language."""
    return EventFilterForm.label_months(Event.objects.published().dates("start", "month"))


class FilteredEventListMixin:
    """The kind/month filter shared by the upcoming and past lists.

    An unknown kind, a month without events or a page beyond the last is a
    404, answered before anything is rendered.
    """

    paginate_by = 20

    def get_queryset(self):
        self.filter_form = EventFilterForm(
            self.request.GET or None, month_choices=month_choices(get_language())
        )
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            raise Http404("No such filter.")
        self.kind, self.month = self.filter_form.filters()
        return self.filter_events(Event.objects.published().for_listing().of_kind(self.kind))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            filter_form=self.filter_form, kind=self.kind, month=self.month, **kwargs
        )
        context["cards"] = event_cards(context["event_list"])
        return context


class EventListView(FilteredEventListMixin, ListView):
    """``/evenemang/``: ongoing and upcoming events, or all events of a chosen month."""

    def filter_events(self, events):
        if self.month:
            return events.in_month(self.month.year, self.month.month).order_by("start", "pk")
        return events.upcoming()

    def get_context_data(self, **kwargs):
        calendar_url = absolute_url(reverse("events:calendar"))
        return super().get_context_data(
            calendar_url=calendar_url,
            webcal_url="webcal://" + calendar_url.split("://", 1)[1],
            **kwargs,
        )


class PastEventListView(FilteredEventListMixin, ListView):
    """``/evenemang/tidigare/``: events that have ended, newest first."""

    template_name = "events/event_archive.html"

    def filter_events(self, events):
        if self.month:
            events = events.in_month(self.month.year, self.month.month)
        return events.past()


class VisibleEventMixin(SingleObjectMixin):
    """Published events for everyone; unpublished ones too for editors (a preview)."""

    model = Event

    def get_queryset(self):
        events = Event.objects.all()
        if self.request.user.has_perm(PREVIEW_PERMISSION):
            return events
        return events.published()

    def finish(self, response):
        if not self.object.is_live():
            # A preview must never be cached or indexed anywhere.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class EventDetailView(VisibleEventMixin, DetailView):
    """``/evenemang/<slug>/``: everything about one event."""

    def get_queryset(self):
        return super().get_queryset().for_detail()

    def get(self, request, *args, **kwargs):
        return self.finish(super().get(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        event = self.object
        url = absolute_url(event.get_absolute_url())
        return super().get_context_data(
            is_preview=not event.is_live(),
            canonical_url=url,
            programme=programme_days(event.programme.all()),
            json_ld=event_json_ld(event, url),
            google_url=google_calendar_url(event, url),
            outlook_url=outlook_calendar_url(event, url, "outlook"),
            office365_url=outlook_calendar_url(event, url, "office365"),
            registration=registration_context(event, self.request),
            **kwargs,
        )


def calendar_response(request, events, *, filename, name=None, attachment=True):
    """An iCalendar file (the page cache stores it and answers polls with 304s)."""
    base_url = absolute_url("/").rstrip("/")
    response = HttpResponse(
        build_calendar(events, base_url, name=name), content_type=ICAL_CONTENT_TYPE
    )
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


class EventIcsView(VisibleEventMixin, View):
    """``/evenemang/<slug>.ics``: one event to download into a calendar program."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(self.get_queryset().select_related("venue"))
        response = calendar_response(request, [self.object], filename=f"{self.object.slug}.ics")
        return self.finish(response)


class CalendarFeedView(View):
    """``/evenemang/kalender.ics``: every upcoming published event, to subscribe to."""

    def get(self, request, *args, **kwargs):
        events = Event.objects.published().upcoming().select_related("venue")
        return calendar_response(
            request,
            events,
            filename="kkn-evenemang.ics",
            name=_("KKN-portalen: events"),
            attachment=False,
        )


class EventPreviewView(SharedPreviewMixin, EventDetailView):
    """A shared preview of an event as the public will see it, with the preview banner."""

    template_name = "previews/event_detail.html"

    def get_queryset(self):
        return Event.objects.for_detail()
