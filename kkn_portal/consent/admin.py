"""Read-only admin for the proof-of-consent records."""

import uuid

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    """Staff look up what a consent id agreed to; nobody edits or adds records."""

    list_display = ["consent_id", "created_at", "policy_version", "accepted"]
    list_filter = ["policy_version", "created_at"]
    search_fields = ["consent_id"]
    search_help_text = _(
        "The consent number from the visitor's cookie page, with or without dashes."
    )
    date_hierarchy = "created_at"
    fields = ["consent_id", "created_at", "policy_version", "accepted"]
    readonly_fields = fields

    @admin.display(description=_("accepted categories"))
    def accepted(self, record):
        return ", ".join(record.category_labels)

    def get_search_results(self, request, queryset, search_term):
        """Match a whole consent id exactly, written with or without dashes.

        A substring search on a UUID column differs between SQLite (hex) and
        PostgreSQL (dashed text), and a partial id proves nothing anyway.
        """
        if not search_term:
            return queryset, False
        try:
            consent_id = uuid.UUID(search_term.strip())
        except ValueError:
            return queryset.none(), False
        return queryset.filter(consent_id=consent_id), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Proof must not be edited away; superusers may still remove rows.
        return request.user.is_superuser
