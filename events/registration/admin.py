"""Registrations as their own admin list: filters, cancel, CSV and printable participant lists.

The admin log names a registration by its number only ("Anmälan 12"), and
exports are logged by count: no name, address or need reaches a log.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Event
from feedback import hidden
from kkn_portal.admin_mixins import NulSafeSearchMixin

from . import booking, export
from .models import PERSON_FIELDS, Registration

EXPORT_PERMISSION = "events.export_registration"


@admin.register(Registration)
class RegistrationAdmin(NulSafeSearchMixin, admin.ModelAdmin):
    """Every registration, filtered by event and status; cancel keeps the waiting list moving."""

    list_display = ("shown_name", "shown_organisation", "email", "event", "status", "created_at")
    list_filter = (("event", admin.RelatedOnlyFieldListFilter), "status")
    search_fields = ("name", "email", "organisation")
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    readonly_fields = ("event", "status", "created_at", "cancelled_at", "reminded_at")
    fields = ("event", *PERSON_FIELDS, "status", "created_at", "cancelled_at", "reminded_at")
    actions = ["cancel", "export_csv", "print_list"]

    @admin.display(description=_("name"), ordering="name")
    def shown_name(self, obj):
        # Invisible and direction-changing characters written out, as in comments.
        return hidden.reveal(obj.name)

    @admin.display(description=_("organisation"), ordering="organisation")
    def shown_organisation(self, obj):
        return hidden.reveal(obj.organisation)

    def has_add_permission(self, request):
        # Registrations come from the form on the event page (which allocates seats).
        return False

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "export/<int:event_id>/", wrap(self.export_event), name="events_registration_export"
            ),
            path("print/<int:event_id>/", wrap(self.print_event), name="events_registration_print"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel(self, request, queryset):
        count = 0
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            booking.cancel(registration)
            self.log_change(request, registration, _("Registration cancelled."))
            count += 1
        self.message_user(
            request,
            ngettext("%d registration cancelled.", "%d registrations cancelled.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Export the selected to CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        export.log_export(request.user, queryset.count(), _("selection"))
        return export.csv_response(queryset, export.filename())

    @admin.action(description=_("Printable participant list"), permissions=["export"])
    def print_list(self, request, queryset):
        return self.participant_page(request, queryset, title=_("Participant list"))

    def _event(self, request, event_id):
        if not self.has_export_permission(request):
            raise PermissionDenied
        return get_object_or_404(Event, pk=event_id)

    def export_event(self, request, event_id):
        """Every active registration of one event as CSV."""
        event = self._event(request, event_id)
        queryset = event.registrations.active()
        export.log_export(request.user, queryset.count(), event.slug)
        return export.csv_response(queryset, export.filename(event))

    def print_event(self, request, event_id):
        """One event's participants on paper: confirmed, then the waiting list."""
        event = self._event(request, event_id)
        return self.participant_page(request, event.registrations.active(), title=str(event))

    def participant_page(self, request, queryset, title):
        registrations = list(export.for_list(queryset.active()))
        context = {
            **self.admin_site.each_context(request),
            "opts": Registration._meta,
            "title": title,
            "confirmed": [r for r in registrations if r.is_confirmed],
            "waiting": [r for r in registrations if r.is_waiting],
        }
        response = TemplateResponse(request, "events/registration/admin/print.html", context)
        response["Cache-Control"] = "no-store"
        return response
