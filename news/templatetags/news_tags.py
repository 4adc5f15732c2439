"""Template tags of the news app: the start-page list and structured data."""

from django import template
from django.utils import timezone

from kkn_portal.images.renditions import image_object
from kkn_portal.jsonld import script_json
from kkn_portal.site_url import absolute_url
from news.models import Article

register = template.Library()

LATEST_COUNT = 3

PUBLISHER = {"@type": "GovernmentOrganization", "name": "Region Norrbotten"}


@register.inclusion_tag("news/includes/latest.html")
def latest_news(count=LATEST_COUNT):
    """The newest published articles, for the start page."""
    return {"articles": Article.objects.published()[:count]}


@register.simple_tag
def article_json_ld(article, branches):
    """schema.org ``NewsArticle`` data for ``article`` with its ``branches``, escaped for a script tag."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],  # search engines cut headlines at 110
        "description": article.lead,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "sv",
        "datePublished": timezone.localtime(article.published_at).isoformat(),
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "author": PUBLISHER,
        "publisher": {**PUBLISHER, "url": absolute_url("/")},
    }
    if article.picture:
        data["image"] = image_object(article.picture)
    if branches:
        data["keywords"] = [branch.name for branch in branches]
    return script_json(data)
