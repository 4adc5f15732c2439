"""The editorial team's admin site: Swedish titles and an overview at the index."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class KknAdminSite(admin.AdminSite):
    """Django's admin, titled for the editorial team, with an overview page.

    Installed as the default site by ``kkn_portal.apps.KknAdminConfig``, so
    ``admin.site`` and ``@admin.register`` in every app use it.
    """

    site_header = _("KKN-portalen – editorial office")
    site_title = _("KKN-portalen – editorial office")
    index_title = _("Overview")

    def index(self, request, extra_context=None):
        """The admin index, with the editorial overview above the app list."""
        from kkn_portal.overview import overview  # imports the content apps' models

        return super().index(request, {**overview(request), **(extra_context or {})})
