"""Template tags for finding one's way: breadcrumbs (with BreadcrumbList JSON-LD) and share links."""

from urllib.parse import quote, urlencode

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kkn_portal.jsonld import script_json
from kkn_portal.models import FlatPageStamp
from kkn_portal.site_url import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *parts):
    """``{% breadcrumbs "Nyheter" news_url article.title %}``: label/URL pairs, then the current page.

    Start comes first by itself; the current page is the last item, marked
    ``aria-current="page"`` and given the request's path in the JSON-LD.
    """
    *pairs, current = parts
    items = [(_("Start"), "/")]
    items += [(str(label), url) for label, url in zip(pairs[::2], pairs[1::2], strict=True)]
    request = context.get("request")
    current_url = request.path if request is not None else ""
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": label, "item": absolute_url(url)}
            for position, (label, url) in enumerate([*items, (str(current), current_url)], 1)
        ],
    }
    # A preview is not for search engines: no structured data at all.
    json_ld = "" if context.get("is_preview") else script_json(data)
    return render_to_string(
        "includes/breadcrumbs.html", {"items": items, "current": current, "json_ld": json_ld}
    )


@register.inclusion_tag("includes/share_links.html")
def share_links(url, title):
    """Plain links that share ``url``: e-mail, LinkedIn and Facebook (no script, nothing loaded)."""
    return {
        "mail": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        "linkedin": "https://www.linkedin.com/sharing/share-offsite/?"
        + urlencode({"url": url}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?"
        + urlencode({"u": url}, quote_via=quote),
    }


@register.simple_tag
def flatpage_updated(flatpage):
    """When ``flatpage`` was last saved (``FlatPageStamp``), or ``None`` if never since stamps began."""
    return (
        FlatPageStamp.objects.filter(flatpage_id=flatpage.pk)
        .values_list("updated_at", flat=True)
        .first()
    )
