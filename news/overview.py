"""The articles section of the editors' overview (registered with kkn_portal.overview)."""

from django.db.models import Count, Q

from kkn_portal.overview import changelist

from .models import Article


def articles_section(now):
    """Articles waiting as drafts and articles scheduled to go live."""
    published = Q(status=Article.Status.PUBLISHED)
    counts = Article.objects.aggregate(
        drafts=Count("pk", filter=Q(status=Article.Status.DRAFT)),
        scheduled=Count("pk", filter=published & Q(published_at__gt=now)),
    )
    return {
        **counts,
        "drafts_url": changelist(Article, status__exact=Article.Status.DRAFT),
        "scheduled_url": changelist(
            Article, status__exact=Article.Status.PUBLISHED, published_at__gt=now.isoformat()
        ),
    }
