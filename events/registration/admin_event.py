"""Registration on the event's admin pages: the inline, the counts and the settings.

``events.admin.EventAdmin`` mixes :class:`EventRegistrationAdminMixin` in;
the list's counts are annotations (one query, however many events).
"""

from django.contrib import admin
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import booking
from .models import PERSON_FIELDS, Registration

REGISTRATION_FIELDS = (
    "registration_url",
    "registration_email",
    "takes_registrations",
    "registration_opens",
    "registration_closes_at",
    "capacity",
    "waiting_list",
    "registration_audience",
    "participant_links",
)


class RegistrationInline(admin.TabularInline):
    """Who registered, on the event's page. Status changes go through the list's actions."""

    model = Registration
    extra = 0
    fields = (*PERSON_FIELDS, "status")
    readonly_fields = ("status",)
    show_change_link = True
    can_delete = False
    classes = ("collapse",)


class EventRegistrationAdminMixin:
    """Counts on the event list, links to the participant list, promotion after a save."""

    registration_fieldset = (_("Registration"), {"fields": REGISTRATION_FIELDS})

    def get_queryset(self, request):
        # The venue too: a select_related() earlier in the chain makes the
        # changelist skip list_select_related (one venue query per row otherwise).
        return (
            super()
            .get_queryset(request)
            .select_related("venue")
            .annotate(
                confirmed_count=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.CONFIRMED),
                ),
                waiting_count=Count(
                    "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
                ),
            )
        )

    @admin.display(description=_("registered"), ordering="confirmed_count")
    def confirmed_count(self, obj):
        if not obj.takes_registrations:
            return "–"
        if obj.capacity is None:
            return obj.confirmed_count
        return f"{obj.confirmed_count}/{obj.capacity}"

    @admin.display(description=_("waiting list"), ordering="waiting_count")
    def waiting_count(self, obj):
        return obj.waiting_count if obj.takes_registrations else "–"

    @admin.display(description=_("participants"))
    def participant_links(self, obj):
        if obj is None or obj.pk is None or not obj.takes_registrations:
            return "–"
        changelist = reverse("admin:events_registration_changelist")
        return format_html(
            '<a href="{}?event__id__exact={}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            changelist,
            obj.pk,
            _("All registrations"),
            reverse("admin:events_registration_export", args=[obj.pk]),
            _("Export to CSV"),
            reverse("admin:events_registration_print", args=[obj.pk]),
            _("Printable list"),
        )

    def save_model(self, request, obj, form, change):
        """More seats (or none to limit): the waiting list moves up at once."""
        super().save_model(request, obj, form, change)
        if change and {"capacity", "waiting_list"} & set(form.changed_data):
            with transaction.atomic():
                booking.promote(type(obj).objects.select_for_update().get(pk=obj.pk))
