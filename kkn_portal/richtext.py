"""The one rich-text vocabulary of the site: what editors may write, and nothing more.

``BODY_EXTENSIONS`` configures the editor toolbar (django-prose-editor) and,
through the same dict, the nh3 allow-list that cleans the HTML on every save
and again when it is rendered: articles, events and flatpages alike. No
scripts, event handlers, iframes, forms, meta refreshes or styles survive.
"""

from django.utils.safestring import mark_safe
from django_prose_editor.fields import create_sanitizer

BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
}

_sanitize = create_sanitizer(BODY_EXTENSIONS)


def clean_html(html):
    """``html`` reduced to the markup ``BODY_EXTENSIONS`` allows (a plain string)."""
    return _sanitize(html or "")


def safe_html(html):
    """``html`` cleaned again and marked safe, for templates."""
    return mark_safe(clean_html(html))  # noqa: S308 - nh3-sanitized just now
