"""Admin for the models news and events share: contact people and branches."""

from django.contrib import admin

from .models import Branch, Contact


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    """Contact people that articles and events point the public to."""

    list_display = ("name", "role", "organisation", "phone", "email")
    search_fields = ("name", "role", "organisation", "email")
    list_filter = ("organisation",)


@admin.register(Branch)
class BranchAdmin(admin.ModelAdmin):
    """The KKN branches (created by a data migration), renamed or reordered here."""

    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):
        # The list is fixed by the KKN definition; deleting a branch would
        # silently untag the articles and events that use it.
        return False


# The proof-of-consent records' read-only admin (issue 6) lives with the consent code.
# Flatpages: Django registers its own admin; ours replaces it (kkn_portal.flatpages_admin).
from kkn_portal import flatpages_admin  # noqa: E402, F401
from kkn_portal.consent import admin as consent_admin  # noqa: E402, F401
