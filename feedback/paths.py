"""Which page a comment is about: only local paths of this site.

The form carries the page path in a hidden field, so it is visitor input. It
is accepted only if it is a plain local path (no scheme, host, ``//`` or
backslash, no query) that Django's URLconf resolves, or the address of a
flatpage; the success redirect goes there, so this also prevents open
redirects.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

MAX_PATH_LENGTH = 500


def _is_plain_local_path(path):
    if not isinstance(path, str) or not path.startswith("/") or len(path) > MAX_PATH_LENGTH:
        return False
    if path.startswith("//") or "\\" in path or any(ord(char) < 32 for char in path):
        return False
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or parts.query or parts.fragment:
        return False
    return url_has_allowed_host_and_scheme(path, allowed_hosts=None)


def _is_flatpage(path):
    from django.contrib.flatpages.models import FlatPage

    return FlatPage.objects.filter(url=path, sites__id=settings.SITE_ID).exists()


def is_local_page(path):
    """Tell whether ``path`` is a page of this site a comment may be about."""
    if not _is_plain_local_path(path):
        return False
    try:
        resolve(path)
    except Resolver404:
        # Flatpages served by the fallback middleware have no URL pattern.
        return _is_flatpage(path)
    return True


def validate_local_page(path):
    """Model/form validator: refuse anything but a local page path."""
    if not is_local_page(path):
        raise ValidationError(
            _("The page you want to comment on was not found on this site."),
            code="unknown_page",
        )
