"""Which public pages exist, and their current titles, looked up from a path on the server.

Forms on public pages (the comment form, "Hjälpte informationen dig?") say
which page they were sent from with the page's path. That is visitor input:
the path is resolved here to a page the public can see right now, and the
title is read from the database or the code, never taken from the form.

A page is one of:

* a URL name registered with :func:`register_fixed` (the start page, a list),
  whose title is fixed;
* a URL name registered with :func:`register_rows`, whose captured arguments
  (a slug, a flatpage's url) pick one row of a queryset of public rows;
* a flatpage that needs no login, at a named route or served by the
  fallback middleware.

Everything else (the admin, previews, feeds, calendar files, the forms'
own targets, drafts, unknown addresses) is no page. Content apps register
their pages in ``AppConfig.ready()``; this module imports none of them.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.flatpages.views import flatpage as flatpage_view
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

MAX_PATH_LENGTH = 500

# URL name -> callable(**captured arguments) -> title or None.
_titles = {}


@dataclass(frozen=True)
class Page:
    """A public page as the server knows it: its path and its current title."""

    path: str
    title: str


def register_fixed(url_name, title):
    """Register a page with a fixed ``title`` (a lazy translation) at ``url_name``."""
    _titles[url_name] = lambda **kwargs: str(title)


def register_rows(url_name, rows, title_field="title"):
    """Register the pages at ``url_name``: one per row of ``rows()`` its arguments match.

    ``rows`` is called at each lookup (publication depends on the time), and
    must return only rows the public may see, e.g. ``Article.objects.published``.
    """
    _titles[url_name] = lambda **kwargs: (
        rows().filter(**kwargs).values_list(title_field, flat=True).first()
    )


def is_plain_local_path(path):
    """Whether ``path`` is a bare local path: no scheme, host, ``//``, backslash, query or fragment."""
    if not isinstance(path, str) or not path.startswith("/") or len(path) > MAX_PATH_LENGTH:
        return False
    if path.startswith("//") or "\\" in path or any(ord(char) < 32 for char in path):
        return False
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or parts.query or parts.fragment:
        return False
    return url_has_allowed_host_and_scheme(path, allowed_hosts=None)


def flatpage_title(url):
    """The title of this site's flatpage at ``url`` that needs no login, or None."""
    return (
        FlatPage.objects.filter(url=url, sites__id=settings.SITE_ID, registration_required=False)
        .values_list("title", flat=True)
        .first()
    )


def resolve_page(path):
    """The public :class:`Page` at ``path``, or None if there is none the public may see."""
    if not is_plain_local_path(path):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        title = flatpage_title(path)  # served by the fallback middleware
    else:
        if match.func is flatpage_view:  # a flatpage at a named route
            title = flatpage_title(match.kwargs.get("url"))
        else:
            lookup = _titles.get(match.view_name)
            title = lookup(**match.kwargs) if lookup else None
    return Page(path, title) if title is not None else None
