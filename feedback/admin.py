"""The comment inbox in admin: read, flag, handle and export comments.

Nobody adds comments here, the received text cannot be edited, and only
superusers may delete (public records are purged by ``purge_feedback``
under the archive decision). Personal identity numbers are masked in every
view; a superuser can reveal the original, which is logged. Invisible and
direction-changing characters are shown as ``[U+202E]`` everywhere
(``feedback.hidden``).
"""

from django.contrib import admin
from django.contrib.admin.views.main import SEARCH_VAR
from django.template.defaultfilters import linebreaksbr
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from feedback import admin_views, export, statistics
from feedback.admin_filters import CappedPaginator, InboxStatusFilter, ReceivedMonthFilter
from feedback.models import Comment
from kkn_portal.dates import moment

# The flags as short badges; the change page spells each one out.
FLAG_BADGES = (
    ("has_personal_id", _("ID number")),
    ("mentions_contact_details", _("Contact")),
    ("has_hidden_characters", _("Hidden characters")),
)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The editors' inbox of page comments."""

    list_display = ("page_link", "excerpt_column", "received", "status", "flags", "after_no")
    list_display_links = ("excerpt_column",)
    list_filter = (
        InboxStatusFilter,
        ReceivedMonthFilter,
        "created_at",
        "after_no",
        "has_personal_id",
        "mentions_contact_details",
        "has_hidden_characters",
    )
    search_fields = ("text", "page_title", "page_path")
    # No COUNT(*) of the whole table on every page (1 M comments: 0.1 s each);
    # the filtered count that pagination needs is still made.
    show_full_result_count = False
    paginator = CappedPaginator
    # Facet counts would add one COUNT per filter choice over the whole table.
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    actions = ["mark_handled", "mark_new", "export_selected"]
    fields = (
        "page_link",
        "created_at",
        "after_no",
        "shown_text",
        "has_personal_id",
        "mentions_contact_details",
        "has_hidden_characters",
        "status",
        "handled_by",
        "handled_at",
        "internal_note",
    )
    readonly_fields = (
        "page_link",
        "created_at",
        "after_no",
        "shown_text",
        "has_personal_id",
        "mentions_contact_details",
        "has_hidden_characters",
        "handled_by",
        "handled_at",
    )
    change_list_template = "feedback/admin/change_list.html"
    change_form_template = "feedback/admin/change_form.html"

    @admin.display(description=_("page"), ordering="page_title")
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.page_path, obj.shown_title or obj.page_path)

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj):
        """ "30 november kl. 05.28": short enough for the inbox at 1 280 px."""
        return moment(obj.created_at)

    @admin.display(description=_("flags"))
    def flags(self, obj):
        """Short badges instead of three yes/no columns: the inbox fits 1 280 px."""
        shown = [label for field, label in FLAG_BADGES if getattr(obj, field)]
        return format_html_join(
            " ", '<span class="kkn-badge kkn-badge--flag">{}</span>', ((label,) for label in shown)
        )

    @admin.display(description=_("comment"))
    def excerpt_column(self, obj):
        return obj.excerpt()

    @admin.display(description=_("comment"))
    def shown_text(self, obj):
        return linebreaksbr(obj.masked_text, autoescape=True)

    def has_add_permission(self, request):
        return False  # comments only come from visitors

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_export_permission(self, request):
        return request.user.has_perm("feedback.export_comment")

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        """A search counts fewer matches than a list counts comments (``CappedPaginator``)."""
        # As in Django's search: a term of only spaces searches nothing.
        searching = bool(request.GET.get(SEARCH_VAR, "").split())
        return self.paginator(
            queryset, per_page, orphans, allow_empty_first_page, searching=searching
        )

    def changelist_view(self, request, extra_context=None):
        # NUL in the address never gets here: the admin site drops it (kkn_portal.admin_guard).
        extra_context = {**(extra_context or {}), "can_export": self.has_export_permission(request)}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_reveal": request.user.is_superuser}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Stamp who handled the comment and when, or clear it when reopened."""
        if "status" in form.changed_data:
            if obj.status == Comment.Status.HANDLED:
                obj.handled_by, obj.handled_at = request.user, timezone.now()
            else:
                obj.handled_by, obj.handled_at = None, None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.mark_handled(request.user)
        self.message_user(
            request,
            ngettext("%d comment marked as handled.", "%d comments marked as handled.", count)
            % count,
        )

    @admin.action(description=_("Mark as new"), permissions=["change"])
    def mark_new(self, request, queryset):
        count = queryset.mark_new()
        self.message_user(
            request,
            ngettext("%d comment marked as new.", "%d comments marked as new.", count) % count,
        )

    @admin.action(description=_("Export selected comments to CSV"), permissions=["export"])
    def export_selected(self, request, queryset):
        admin_views.log_export(request.user, queryset.count(), _("selection"))
        return admin_views.csv_response(queryset, "semicolon", export.filename())

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "export/",
                wrap(lambda request: admin_views.export_view(self, request)),
                name="feedback_comment_export",
            ),
            path(
                "export/<uuid:job_id>/",
                wrap(lambda request, job_id: admin_views.export_job_view(self, request, job_id)),
                name="feedback_comment_export_job",
            ),
            path(
                "export/<uuid:job_id>/fil/",
                wrap(lambda request, job_id: admin_views.export_file_view(self, request, job_id)),
                name="feedback_comment_export_file",
            ),
            path(
                "statistik/",
                wrap(lambda request: statistics.statistics_view(self, request)),
                name="feedback_comment_statistics",
            ),
            path(
                "<int:object_id>/original/",
                wrap(lambda request, object_id: admin_views.reveal_view(self, request, object_id)),
                name="feedback_comment_reveal",
            ),
            *super().get_urls(),
        ]
