"""App configuration for page comments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Comments that visitors send about a page."""

    name = "feedback"
    verbose_name = _("Page comments")
