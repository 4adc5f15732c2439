"""App configurations for the project package, which is also an installed app."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class KknPortalConfig(AppConfig):
    """Site-wide pieces: start page, health, consent, shared models."""

    # Marked default because this module also holds the admin's config below.
    default = True
    name = "kkn_portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.flatpages.models import FlatPage
        from django.contrib.sites.models import Site
        from django.db.models.signals import post_save, pre_save

        from kkn_portal import content_version, pages
        from kkn_portal.flatpages_admin import clean_content_on_save
        from kkn_portal.models import Branch, Contact, stamp_flatpage

        pre_save.connect(clean_content_on_save, sender=FlatPage, dispatch_uid="flatpage_clean")
        post_save.connect(stamp_flatpage, sender=FlatPage, dispatch_uid="flatpage_stamp")
        # Content apps register their own models in their ready(); these are ours.
        content_version.register(Branch, Contact, FlatPage, Site)
        content_version.connect_signals(self)
        # Pages a visitor can comment on and rate; flatpages are known to kkn_portal.pages.
        pages.register_fixed("home", _("Start"))
        pages.register_fixed("search:index", _("Search"))
        pages.register_fixed("consent:cookies", _("Cookies"))


class KknAdminConfig(admin_apps.AdminConfig):
    """``django.contrib.admin`` with our site as ``admin.site`` (INSTALLED_APPS)."""

    default = False
    default_site = "kkn_portal.admin_site.KknAdminSite"
