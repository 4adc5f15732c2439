"""Per-process memos (kkn_portal.memo): keyed by everything the result depends on.

A memoised piece of a page must be exactly what rendering it afresh would
give, for every combination of its inputs; otherwise one visitor's page
would show another page's header, banner or link.
"""

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.template import Context, Template
from django.test import Client
from django.urls import (
    NoReverseMatch,
    URLResolver,
    clear_url_caches,
    get_resolver,
    path,
    reverse,
)
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.functional import Promise
from django.utils.safestring import mark_safe

from kkn_portal import memo
from kkn_portal.templatetags.portal import _rendered_include

pytestmark = pytest.mark.django_db

HEADER = (
    '{% load portal %}{% memo_include "includes/header.html" section=section SITE_NAME="KKN" %}'
)


@pytest.fixture
def renders(settings):
    """Every request renders its page (no page cache), so the memos are what is tested."""
    settings.PAGE_CACHE_ENABLED = False


def render(source, **values):
    """Render template ``source`` with ``values``."""
    return Template(source).render(Context(values))


def test_memo_include_is_rendered_once_and_reused():
    """The second render with the same values is the memo's, and identical."""
    _rendered_include.cache_clear()
    first, second = render(HEADER, section="news"), render(HEADER, section="news")
    assert first == second
    assert _rendered_include.cache_info().hits == 1


def test_memo_include_sees_only_the_values_it_is_given():
    """Like ``include … only``: the outer context cannot leak into a shared fragment."""
    html = render(HEADER, section="events", request="secret", SITE_NAME="Outer")
    assert "secret" not in html and "Outer" not in html and 'alt="KKN, Region Norrbotten' in html


def test_memo_include_keys_on_each_value():
    """Each section gets its own header, with its own current link."""
    news, events = render(HEADER, section="news"), render(HEADER, section="events")
    assert news != events
    assert 'href="/nyheter/" aria-current="page"' in news
    assert 'href="/evenemang/" aria-current="page"' in events


def test_memo_include_keeps_safe_and_plain_strings_apart():
    """A plain string is escaped, a safe one is not, whichever was rendered first."""
    source = '{% load portal %}{% memo_include "includes/header.html" section="" SITE_NAME=name %}'
    plain = render(source, name="<b>")
    safe = render(source, name=mark_safe("<b>"))  # noqa: S308 - test input
    assert "&lt;b&gt;" in plain and "<b>" not in plain
    assert "<b>" in safe


def test_memo_include_keys_on_the_language():
    """The language is part of the key: an English render is not served in Swedish."""
    with translation.override("en"):
        english = render(HEADER, section="")
    swedish = render(HEADER, section="")
    assert ">News<" in english and ">Nyheter<" in swedish


def test_memo_include_refuses_values_it_cannot_key_on():
    """Objects (a request, a queryset) would make the key meaningless: an error, not a memo."""
    with pytest.raises(TypeError):
        render('{% load portal %}{% memo_include "includes/footer.html" x=x %}', x=[1])


def test_memos_are_emptied_when_a_setting_changes(settings):
    """override_settings (or any setting change) cannot meet a fragment rendered before it."""
    render(HEADER, section="news")
    assert _rendered_include.cache_info().currsize > 0
    settings.SITE_URL = "http://example.se"
    assert _rendered_include.cache_info().currsize == 0


def test_each_page_gets_its_own_current_section_and_the_same_banner(client, renders):
    """Through the site: the menu marks each page's section; the banner names no page."""
    banners = set()
    for url, label in [
        ("/nyheter/", "Nyheter"),
        ("/evenemang/", "Evenemang"),
        ("/nyheter/", "Nyheter"),
    ]:
        html = Client().get(url).content.decode()
        assert f'href="{url}" aria-current="page">{label}</a>' in html
        banners.add(html[html.index('id="consent-banner"') : html.index("</section>")])
    assert len(banners) == 1


def test_memoised_reverse_is_django_reverse():
    """The same URL as reverse(), per view and arguments."""
    assert memo.reverse("news:detail", kwargs={"slug": "a"}) == reverse(
        "news:detail", kwargs={"slug": "a"}
    )
    assert memo.reverse("news:detail", kwargs={"slug": "b"}) == "/nyheter/b/"
    assert memo.reverse("news:index") == reverse("news:index")


def test_memoised_reverse_follows_the_url_configuration():
    """ROOT_URLCONF assigned without a signal (as pytest-django's urls marker does) is noticed."""
    assert memo.reverse("news:index") == "/nyheter/"
    original = django_settings.ROOT_URLCONF
    django_settings.ROOT_URLCONF = __name__
    clear_url_caches()
    try:
        with pytest.raises(NoReverseMatch):
            memo.reverse("news:index")
        assert memo.reverse("only-here") == "/bara-har/"
    finally:
        django_settings.ROOT_URLCONF = original
        clear_url_caches()


def _patterns(resolver):
    for pattern in resolver.url_patterns:
        yield pattern.pattern
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern)


def test_no_url_pattern_is_translated():
    """Why the memoised reverse may leave the language out of its key (memo.url_environment)."""
    patterns = list(_patterns(get_resolver()))
    assert patterns
    for pattern in patterns:
        assert not isinstance(pattern, LocalePrefixPattern)
        raw = getattr(pattern, "_route", None) or getattr(pattern, "_regex", "")
        assert not isinstance(raw, Promise), pattern


# The URL configuration of the reverse test above: one page, and no news.
urlpatterns = [path("bara-har/", lambda request: HttpResponse(), name="only-here")]
