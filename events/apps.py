"""App configuration for events."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, venues, programmes and calendar files."""

    name = "events"
    verbose_name = _("Events")
