"""App configuration for the project package, which is also an installed app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KknPortalConfig(AppConfig):
    """Site-wide pieces: start page, health, consent, shared models."""

    name = "kkn_portal"
    verbose_name = _("Portal")
