"""App configuration for news."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """Articles that editors publish and citizens read."""

    name = "news"
    verbose_name = _("News")
