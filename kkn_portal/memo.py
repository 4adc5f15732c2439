"""Per-process memos of rendering work, keyed by everything the result depends on.

Some pieces of a page depend on nothing that changes while a process runs:
a URL depends only on the URL configuration and the view's arguments, the
comment form on the page's path and title and the captcha backend, the site
header on the section being shown. :func:`process_memo` keeps such results
in a bounded, thread-safe LRU of this process.

The key is every argument of the memoised function plus :func:`environment`
(the active language and time zone, the URL configuration and the script
prefix: what translations, dates and ``reverse()`` read besides their
arguments). What no key can capture, settings and template files, empties
every memo when it changes (``override_settings`` in tests, a template
edited under the development server). So an entry can never go stale, only
stop being asked for: the rule of DESIGN.md for per-process caches.
Content is never memoised here; that is the page cache's job
(:mod:`kkn_portal.pagecache`, keyed by the content version).
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils import timezone, translation
from django.utils.autoreload import file_changed

_memos = []


def process_memo(maxsize):
    """Decorator: memoise a pure function in this process (an LRU of ``maxsize`` results)."""

    def decorate(function):
        memo = functools.lru_cache(maxsize=maxsize)(function)
        _memos.append(memo)
        return memo

    return decorate


def clear_all(**kwargs):
    """Forget every memoised result (settings or files changed)."""
    for memo in _memos:
        memo.cache_clear()
    # None, not True: a receiver of file_changed that returns True stops the reload.


setting_changed.connect(clear_all, dispatch_uid="kkn_portal_memo_settings")
file_changed.connect(clear_all, dispatch_uid="kkn_portal_memo_files")


def environment():
    """What rendering reads besides its arguments, as part of a memo key.

    ``ROOT_URLCONF`` is here although changing it sends ``setting_changed``:
    pytest-django's ``urls`` marker assigns it directly, without the signal.
    """
    return (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        get_urlconf(),
        settings.ROOT_URLCONF,
        get_script_prefix(),
    )


def url_environment():
    """What ``reverse()`` reads besides its arguments: the URL configuration and script prefix.

    Not the language: no URL pattern of the site is translated (a test
    checks), so every language reverses to the same URL.
    """
    return (get_urlconf(), settings.ROOT_URLCONF, get_script_prefix())


@process_memo(maxsize=4096)
def _reverse(viewname, kwargs, env):
    return django_reverse(viewname, kwargs=dict(kwargs))


def reverse(viewname, kwargs=None):
    """``django.urls.reverse(viewname, kwargs=kwargs)``, memoised.

    For ``get_absolute_url()`` of objects shown in lists: Django's reverse
    costs about as much as rendering the rest of a list item.
    """
    return _reverse(viewname, tuple((kwargs or {}).items()), url_environment())


def content_memo(maxsize):
    """Decorator: keep a function's result until public content changes (this process).

    The key is the arguments plus :func:`kkn_portal.content_version.current`,
    so a result can never outlive the rows it was read from. For lookups a
    page makes before it knows it will render, such as the branches and
    months a list's filter accepts. With the shared cache down (no version)
    the function simply runs.
    """

    def decorate(function):
        memo = process_memo(maxsize)(lambda version, *args: function(*args))

        @functools.wraps(function)
        def wrapper(*args):
            from kkn_portal import content_version

            version = content_version.current()
            return function(*args) if version is None else memo(version, *args)

        wrapper.cache_clear = memo.cache_clear
        return wrapper

    return decorate
