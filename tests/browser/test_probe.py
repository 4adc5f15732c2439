"""The checks themselves catch what they claim to: a broken page must fail them.

Each test opens a real page, then breaks it on purpose in the browser (an
outside script, an unlabeled field, a wide element, a thrown error) and
asserts that the probe reports exactly that problem.
"""

import contextlib

from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from .probe import transfer_size


def _break(page, script):
    page.evaluate(script)
    page.wait_for_load_state("networkidle")


def test_outside_script_is_refused_and_reported(demo, probe):
    """A script from a CDN is refused by the CSP, and the refusal is a reported error."""
    probe.visit(reverse("about"))
    _break(
        probe.page,
        """() => { const s = document.createElement('script');
        s.src = 'https://cdn.example.com/lib.js'; document.head.appendChild(s); }""",
    )
    problems = probe.problems()
    assert any("cdn.example.com/lib.js" in line for line in problems), problems


def test_outside_navigation_is_aborted_and_recorded(demo, probe):
    """What the CSP does not cover (a navigation) is aborted by the route guard."""
    probe.visit(reverse("about"))
    with contextlib.suppress(PlaywrightError):
        probe.page.goto("https://www.example.com/tracker")
    assert probe.outside_requests == ["https://www.example.com/tracker"]


def test_axe_reports_rule_and_selector(demo, probe):
    """An unlabeled input is reported with axe's rule id and a selector."""
    probe.visit(reverse("about"))
    _break(
        probe.page,
        """() => { const i = document.createElement('input'); i.id = 'unlabeled';
        document.querySelector('main').appendChild(i); }""",
    )
    problems = "\n".join(probe.problems())
    assert "axe label (critical)" in problems
    assert "#unlabeled" in problems


def test_console_error_and_overflow_are_reported(demo, probe):
    """An uncaught exception and a 600 px wide element both show up as problems."""
    probe.visit(reverse("about"))
    _break(
        probe.page,
        # CSSOM writes are allowed by the CSP (style attributes are not).
        """() => { const d = document.createElement('div'); d.style.minWidth = '600px'; d.textContent = 'x';
        document.querySelector('main').appendChild(d);
        setTimeout(() => { throw new Error('boom'); }); }""",
    )
    probe.page.wait_for_timeout(50)
    problems = "\n".join(probe.problems())
    assert "pageerror: boom" in problems
    assert "scrolls sideways by" in problems


def test_weight_counts_css_and_js_but_not_images(demo, probe):
    """Page weight sums gzip sizes of the document, CSS and JS; images are left out."""
    probe.visit(reverse("about"))
    total, items = probe.weight()
    kinds = {kind for _, kind, _ in items}
    assert {"document", "stylesheet"} <= kinds
    assert "image" not in kinds
    document = next(request for request in probe.requests if request.resource_type == "document")
    raw = len(document.response().body())
    assert 0 < transfer_size(document.response()) < raw
    assert total == sum(size for size, _, _ in items)
