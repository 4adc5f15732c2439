"""Admin for shared previews: create one from a change form, list and revoke them."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kkn_portal.dates import moment
from kkn_portal.site_url import absolute_url

from .forms import ShareForm
from .models import SHAREABLE, PreviewLink

# The model behind each kind in the share URL.
MODELS_BY_KIND = {kind: label for label, kind in SHAREABLE.items()}


def log(request, obj, flag, message):
    """One admin-log entry by the current user about ``obj``."""
    LogEntry.objects.log_actions(
        user_id=request.user.pk, queryset=[obj], action_flag=flag, change_message=message
    )


class StateFilter(admin.SimpleListFilter):
    """Filter links by whether they still work."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", _("Active")), ("ended", _("Expired or revoked"))]

    def queryset(self, request, queryset):
        active = PreviewLink.objects.active()
        if self.value() == "active":
            return queryset.filter(pk__in=active.values("pk"))
        if self.value() == "ended":
            return queryset.exclude(pk__in=active.values("pk"))
        return queryset


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    """Shared previews; created from an article's or event's page, never here."""

    list_display = ("__str__", "created_by", "created_at", "expires_at", "is_active")
    list_filter = (StateFilter,)
    list_select_related = ("article", "event", "created_by")
    search_fields = ("article__title", "event__title")
    fields = ("target_link", "url", "created_by", "created_at", "expires_at", "revoked_at")
    readonly_fields = fields
    actions = ("revoke",)

    def has_add_permission(self, request):
        # Links are created from the article or event (share_view), bound to it.
        return False

    def has_delete_permission(self, request, obj=None):
        # Revoking keeps the record of who shared what; only superusers delete.
        return request.user.is_superuser

    @admin.display(boolean=True, description=_("active"))
    def is_active(self, obj):
        return obj.is_active()

    @admin.display(description=_("shows"))
    def target_link(self, obj):
        return obj.target

    @admin.display(description=_("address to share"))
    def url(self, obj):
        if not obj.is_active():
            return _("The link no longer works.")
        return self.absolute_url(obj)

    @staticmethod
    def absolute_url(link):
        """The link as the reviewer gets it (``SITE_URL`` + path; no request here)."""
        return settings.SITE_URL + link.get_absolute_url()

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        """Stop the links from working now; each revocation goes in the admin log."""
        links = list(queryset.filter(revoked_at__isnull=True))
        for link in links:
            link.revoke()
            log(request, link, CHANGE, [{"changed": {"fields": ["revoked"]}}])
        self.message_user(
            request,
            ngettext("%(count)d link was revoked.", "%(count)d links were revoked.", len(links))
            % {"count": len(links)},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "dela/<str:kind>/<int:object_id>/",
                self.admin_site.admin_view(self.share_view),
                name="previews_previewlink_share",
            ),
            *super().get_urls(),
        ]

    def share_view(self, request, kind, object_id):
        """ "Dela förhandsvisning": choose the days, get a link to this one object."""
        if kind not in MODELS_BY_KIND:
            raise Http404
        model = apps.get_model(MODELS_BY_KIND[kind])
        obj = get_object_or_404(model, pk=object_id)
        opts = model._meta
        if not (
            request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
            and request.user.has_perm("previews.add_previewlink")
        ):
            raise PermissionDenied
        link = None
        form = ShareForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            link = PreviewLink.create_for(obj, request.user, days=form.cleaned_data["days"])
            log(request, link, ADDITION, [{"added": {}}])
            expires = moment(link.expires_at)
            log(
                request,
                obj,
                CHANGE,
                gettext("Shared a preview, valid until %(date)s.") % {"date": expires},
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Share a preview"),
            "subtitle": str(obj),
            "opts": opts,
            "original": obj,
            "form": form,
            "link": link,
            # The public address, whatever host the editor reached the admin by.
            "link_url": absolute_url(link.get_absolute_url()) if link else "",
            "object_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            ),
            "active_links": PreviewLink.objects.active()
            .for_object(obj)
            .select_related("created_by"),
            "links_url": reverse("admin:previews_previewlink_changelist")
            + f"?{PreviewLink.field_for(obj)}__id__exact={obj.pk}",
        }
        return TemplateResponse(request, "admin/previews/share.html", context)
