"""Admin for editors: events with their programme, venues and organisations."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kkn_portal.admin_mixins import (
    HTTPS_URL_FIELDS,
    IMAGE_FIELDS,
    LabelledInputsMixin,
    LastModifiedAdminMixin,
)
from kkn_portal.history import HistoryAdmin, saved_as_version
from kkn_portal.publication_admin import PublicationAdminMixin, PublicationFilter

from .models import Event, Organisation, ProgrammeItem, Venue
from .registration.admin_event import EventRegistrationAdminMixin, RegistrationInline


class ProgrammeItemInline(LabelledInputsMixin, admin.TabularInline):
    """The sessions of an event, edited on the event's own page."""

    label_every_input = True
    # A "Visa på webbplats" per session only repeats the event's own link.
    view_on_site = False
    model = ProgrammeItem
    extra = 1
    fields = ("start", "end", "title", "speakers", "description")


@admin.register(Event)
class EventAdmin(
    EventRegistrationAdminMixin,
    PublicationAdminMixin,
    LastModifiedAdminMixin,
    LabelledInputsMixin,
    HistoryAdmin,
):
    """Events: publish now, schedule, unpublish, cancel."""

    formfield_overrides = HTTPS_URL_FIELDS

    list_display = (
        "title",
        "start",
        "kind",
        "publication",
        "event_status",
        "venue",
        "confirmed_count",
        "waiting_count",
    )
    list_filter = (
        PublicationFilter,
        "kind",
        "event_status",
        ("start", admin.DateFieldListFilter),
    )
    search_fields = ("title", "lead", "slug", "venue__name", "venue__municipality")
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ("title",)}
    list_select_related = ("venue",)
    filter_horizontal = ("organisers", "contacts", "branches", "related_articles")
    readonly_fields = ("sequence", "created_at", "updated_at", "participant_links")
    inlines = [ProgrammeItemInline, RegistrationInline]
    actions = [*PublicationAdminMixin.publication_actions, "cancel"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "lead", "description")}),
        (_("Time and place"), {"fields": ("start", "end", "venue")}),
        (_("Image"), {"fields": IMAGE_FIELDS}),
        (_("About"), {"fields": ("organisers", "audience", "theme", "contacts", "branches")}),
        EventRegistrationAdminMixin.registration_fieldset,
        (_("Cancelled or postponed"), {"fields": ("event_status", "status_message")}),
        (_("Publishing"), {"fields": ("status", "published_at", "related_articles")}),
        (_("History"), {"fields": ("sequence", "created_at", "updated_at")}),
    )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # A restored version carries its old SEQUENCE, and reversion writes it
        # back before the form saves: remember the current one (save_model).
        current = self.get_object(request, object_id)
        request.sequence_floor = current.sequence if current is not None else None
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        floor = getattr(request, "sequence_floor", None)
        if floor is not None:
            # Calendar subscribers must see a higher SEQUENCE after a restore.
            obj.sequence = max(obj.sequence, floor + 1)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Cancel the selected events"), permissions=["change"])
    def cancel(self, request, queryset):
        """Mark events as cancelled, each saved as a version (a new calendar SEQUENCE too)."""
        events = [event for event in queryset if not event.is_cancelled]
        for event in events:
            event.event_status = Event.EventStatus.CANCELLED
            event.last_modified_by = request.user
            with saved_as_version(request.user, gettext("Cancelled.")):
                event.save(update_fields=["event_status", "updated_at", "last_modified_by"])
        if events:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=events,
                action_flag=CHANGE,
                change_message=gettext("Cancelled."),
                single_object=len(events) == 1,
            )
        count = len(events)
        self.message_user(
            request,
            ngettext("%d event marked as cancelled.", "%d events marked as cancelled.", count)
            % count,
            messages.SUCCESS if count else messages.WARNING,
        )


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    """Places where events are held."""

    list_display = ("name", "street_address", "postal_code", "municipality")
    search_fields = ("name", "municipality", "street_address")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Organisations behind events."""

    formfield_overrides = HTTPS_URL_FIELDS

    list_display = ("name", "url")
    search_fields = ("name",)


# Registrations' own list (admin autodiscovery imports only this module).
from .registration import admin as registration_admin  # noqa: E402, F401
