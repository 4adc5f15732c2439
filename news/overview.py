"""The articles section of the editors' overview (registered with kkn_portal.overview)."""

from kkn_portal.overview import changelist

from .models import Article


def articles_section(now):
    """Articles waiting as drafts and articles scheduled to go live."""
    return {
        **Article.objects.state_counts(now),
        "drafts_url": changelist(Article, publicering="utkast"),
        "scheduled_url": changelist(Article, publicering="schemalagd"),
    }
