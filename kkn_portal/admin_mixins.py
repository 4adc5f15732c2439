"""Shared admin behaviour for articles and events: "Senast ändrad av/kl."."""

from django.contrib import admin
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

# Editors paste addresses without a scheme; https is the right guess today
# (and Django 6's default), so say it explicitly in every admin form.
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class LastModifiedAdminMixin:
    """Stamp the editor on every save and show who changed the object last, and when.

    The model needs ``last_modified_by`` (a nullable FK to the user) and
    ``updated_at`` (``auto_now``). Bulk actions that update rows directly
    call :meth:`stamp_queryset`.
    """

    last_modified_fieldset = (_("Last changed"), {"fields": ("last_modified",)})

    def save_model(self, request, obj, form, change):
        obj.last_modified_by = request.user
        super().save_model(request, obj, form, change)

    @staticmethod
    def stamp_queryset(request, queryset):
        """Record ``request.user`` as the last editor of every row in ``queryset``."""
        queryset.update(last_modified_by=request.user)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "last_modified")

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        # Without declared fieldsets the readonly field is already in the form.
        if obj is None or not self.fieldsets:
            return fieldsets
        return [*fieldsets, self.last_modified_fieldset]

    def get_list_display(self, request):
        return (*super().get_list_display(request), "last_modified")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("last_modified_by")

    @admin.display(description=_("Last changed by/at"), ordering="updated_at")
    def last_modified(self, obj):
        """ "Rut Lind, 27 november 2026 14.05": name (or user name) and local time."""
        if obj is None or obj.pk is None:
            return "–"
        when = formats.date_format(timezone.localtime(obj.updated_at), "j F Y H.i")
        user = obj.last_modified_by
        if user is None:
            return when
        return f"{user.get_full_name() or user.get_username()}, {when}"


class NulSafeSearchMixin:
    """Drop NUL bytes from admin searches: PostgreSQL refuses them in any query."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))


# The image fieldset of articles and events (kkn_portal.images.models.ImageMixin).
IMAGE_FIELDS = ("image", "image_alt", "image_decorative")
