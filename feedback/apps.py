"""App configuration for page comments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Comments that visitors send about a page."""

    name = "feedback"
    verbose_name = _("Page comments")

    def ready(self):
        """Tell the portal about comments: the overview section and the thank-you parameters."""
        from kkn_portal import overview
        from kkn_portal.pagecache import register_site_wide_parameter

        from .answer_views import ANSWER_PARAMETER
        from .overview import comments_section
        from .views import THANKS_PARAMETER, THANKS_VALUE
        from .votes import NO, YES

        overview.register("comments", "feedback.view_comment", comments_section)
        # ?kommentar=tack after a comment: every page with the form shows the thank-you.
        register_site_wide_parameter(THANKS_PARAMETER, {THANKS_VALUE})
        # ?hjalpte=ja|nej after an answer without JavaScript: the thank-you (and "Vad saknade du?").
        register_site_wide_parameter(ANSWER_PARAMETER, {YES, NO})
