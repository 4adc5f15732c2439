"""App configuration for shared previews."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreviewsConfig(AppConfig):
    """Preview links editors share with reviewers who have no account."""

    name = "kkn_portal.previews"
    label = "previews"
    verbose_name = _("Shared previews")
