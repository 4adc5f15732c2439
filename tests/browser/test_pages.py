"""Every public page, opened in Chromium: accessible, self-contained, light, reflows.

For each page one first visit (empty cache, no cookies) must show:
- zero axe-core violations of WCAG 2.0/2.1 A and AA (C2.1);
- no console error and no uncaught exception (CSP violations land here too);
- no request to any host but the live server's 127.0.0.1 (C1.4, C3.2);
- a page weight under 60 KB: HTML, CSS and JS compressed as production
  sends them, content images excluded (see ``probe.transfer_size``);
- ``<html lang="sv">`` and a title (C2.3);
- no sideways scrolling at 320 CSS px (WCAG 1.4.10, C2.7).
The failure message lists each problem with its rule and selector.
"""

import pytest
from django.urls import reverse


def _path(name, query=""):
    return lambda: reverse(name) + query


def _article():
    from news.models import Article

    return Article.objects.published().first().get_absolute_url()


def _event():
    from events.models import Event

    return Event.objects.published().first().get_absolute_url()


PAGES = {
    "start": _path("home"),
    "news-list": _path("news:index"),
    "article": _article,
    "events-list": _path("events:index"),
    "event": _event,
    "past-events": _path("events:past"),
    "search-results": _path("search:index", "?q=kultur"),
    "cookies": _path("consent:cookies"),
    "accessibility-statement": _path("accessibility"),
    "about": _path("about"),
    "not-found": lambda: "/finns-inte/",
}
STATUS = {"not-found": 404}


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_browser_checks(demo, probe, name):
    """The page passes axe, stays on 127.0.0.1, logs no error, weighs < 60 KB, reflows."""
    path = PAGES[name]()
    probe.visit(demo.url + path, expected_status=STATUS.get(name, 200))
    problems = probe.problems()
    assert not problems, f"{name} ({path}):\n" + "\n".join(problems)
