"""App configuration for page comments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Comments that visitors send about a page."""

    name = "feedback"
    verbose_name = _("Page comments")

    def ready(self):
        """Tell the portal about comments: the overview section and the thank-you parameter."""
        from kkn_portal import overview
        from kkn_portal.pagecache import register_site_wide_parameter

        from .overview import comments_section
        from .views import THANKS_PARAMETER, THANKS_VALUE

        overview.register("comments", "feedback.view_comment", comments_section)
        # ?kommentar=tack after a comment: every page with the form shows the thank-you.
        register_site_wide_parameter(THANKS_PARAMETER, {THANKS_VALUE})
