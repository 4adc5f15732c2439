"""Which page a comment is about: a public page of this site, resolved on the server.

The form carries the page path in a hidden field, so it is visitor input.
It is accepted only if :func:`kkn_portal.pages.resolve_page` finds a page
the public can see there now (no draft, no admin, no made-up address);
the success redirect goes there, so this also prevents open redirects.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kkn_portal.pages import MAX_PATH_LENGTH  # noqa: F401 - the stored path's length

UNKNOWN_PAGE_MESSAGE = _(
    "Comments can only be sent about published pages on this site, and the page "
    "you want to comment on is not one of them. Go back to the page and try again."
)


def public_page(path):
    """The public page at ``path`` (a :class:`kkn_portal.pages.Page`), or None."""
    from kkn_portal.pages import resolve_page

    return resolve_page(path)


def validate_local_page(path):
    """Model validator (named in migration 0001): refuse anything but a public page's path."""
    if public_page(path) is None:
        raise ValidationError(UNKNOWN_PAGE_MESSAGE, code="unknown_page")
