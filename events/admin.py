"""Admin for editors: events with their programme, venues and organisations."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kkn_portal.admin_mixins import (
    HTTPS_URL_FIELDS,
    IMAGE_FIELDS,
    LastModifiedAdminMixin,
    NulSafeSearchMixin,
)

from .models import Event, Organisation, ProgrammeItem, Venue
from .registration.admin_event import EventRegistrationAdminMixin, RegistrationInline


class ProgrammeItemInline(admin.TabularInline):
    """The sessions of an event, edited on the event's own page."""

    model = ProgrammeItem
    extra = 1
    fields = ("start", "end", "title", "speakers", "description")


@admin.register(Event)
class EventAdmin(
    EventRegistrationAdminMixin, LastModifiedAdminMixin, NulSafeSearchMixin, admin.ModelAdmin
):
    """Events: write, schedule, publish, cancel."""

    formfield_overrides = HTTPS_URL_FIELDS

    list_display = (
        "title",
        "start",
        "kind",
        "status",
        "published",
        "is_live",
        "venue",
        "confirmed_count",
        "waiting_count",
    )
    list_filter = ("kind", "status", "published", ("start", admin.DateFieldListFilter))
    search_fields = ("title", "lead", "slug", "venue__name", "venue__municipality")
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ("title",)}
    list_select_related = ("venue",)
    filter_horizontal = ("organisers", "contacts", "branches", "related_articles")
    readonly_fields = ("sequence", "created_at", "updated_at", "participant_links")
    inlines = [ProgrammeItemInline, RegistrationInline]
    actions = ["publish", "unpublish", "cancel"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "lead", "description")}),
        (_("Time and place"), {"fields": ("start", "end", "venue")}),
        (_("Image"), {"fields": IMAGE_FIELDS}),
        (_("About"), {"fields": ("organisers", "audience", "theme", "contacts", "branches")}),
        EventRegistrationAdminMixin.registration_fieldset,
        (_("Status"), {"fields": ("status", "status_message")}),
        (_("Publishing"), {"fields": ("published", "published_at", "related_articles")}),
        (_("History"), {"fields": ("sequence", "created_at", "updated_at")}),
    )

    @admin.display(boolean=True, description=_("visible to the public"))
    def is_live(self, obj):
        return obj.is_live()

    def _bulk_change(self, request, queryset, method, message):
        """Apply a queryset change and write one admin-log entry per event."""
        events = list(queryset)
        changed = Event.objects.filter(pk__in=[event.pk for event in events])
        getattr(changed, method)()
        self.stamp_queryset(request, changed)
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=events,
            action_flag=CHANGE,
            change_message=str(message),
            single_object=len(events) == 1,
        )
        return len(events)

    @admin.action(description=_("Publish the selected events"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._bulk_change(request, queryset, "publish", _("Published."))
        self.message_user(
            request,
            ngettext("%d event published.", "%d events published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected events"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._bulk_change(request, queryset, "unpublish", _("Unpublished."))
        self.message_user(
            request,
            ngettext("%d event unpublished.", "%d events unpublished.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel the selected events"), permissions=["change"])
    def cancel(self, request, queryset):
        count = self._bulk_change(request, queryset, "cancel", _("Cancelled."))
        self.message_user(
            request,
            ngettext("%d event marked as cancelled.", "%d events marked as cancelled.", count)
            % count,
            messages.SUCCESS,
        )


@admin.register(Venue)
class VenueAdmin(NulSafeSearchMixin, admin.ModelAdmin):
    """Places where events are held."""

    list_display = ("name", "street_address", "postal_code", "municipality")
    search_fields = ("name", "municipality", "street_address")


@admin.register(Organisation)
class OrganisationAdmin(NulSafeSearchMixin, admin.ModelAdmin):
    """Organisations behind events."""

    formfield_overrides = HTTPS_URL_FIELDS

    list_display = ("name", "url")
    search_fields = ("name",)


# Registrations' own list (admin autodiscovery imports only this module).
from .registration import admin as registration_admin  # noqa: E402, F401
