"""A browser tab that records what a public page must never do.

``PageProbe`` wraps one Playwright page and keeps, for the current visit:
console errors and uncaught exceptions, requests to any host other than the
live server's loopback address (aborted, so a CDN is never reached), and the
responses that make up the page's weight. ``problems()`` turns all of it,
plus an axe-core run and the 320 px reflow check, into readable lines, so a
failing test says what is wrong, where, and by which rule.
"""

import gzip
from urllib.parse import urlsplit

try:  # whitenoise writes .br files too when the brotli module is installed
    import brotli
except ImportError:
    brotli = None

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0 and 2.1, levels A and AA (plus axe's best practices): what the Swedish accessibility law
# (DOS-lagen, via EN 301 549) requires of a public body's website.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# Page weight budget from the issue: first load, compressed, without images.
WEIGHT_BUDGET = 60 * 1024
# Resource types that are content images or media, not page weight.
UNWEIGHED_TYPES = {"image", "media"}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Schemes that never leave the machine.
LOCAL_SCHEMES = {"data", "blob", "about"}

# axe-core as bundled in the axe-playwright-python wheel: injected from the
# local file, so no script is fetched from anywhere.
AXE = Axe()


def transfer_size(response):
    """Bytes this response costs on the wire in production.

    Public pages, feeds and calendars arrive compressed from the page cache
    (gzip here, where Chromium offers Brotli only over HTTPS) and are weighed
    as sent. The live server sends static files uncompressed; in production
    whitenoise serves each one pre-compressed, ``.br`` when the brotli module
    is installed, otherwise ``.gz`` (gzip level 9). So a static body is
    weighed as whitenoise would send it, and anything else that arrived
    uncompressed (an uncached page) as its gzip size.
    """
    try:
        body = response.body()
    except Exception:  # a redirect or an aborted request has no body
        return 0
    if response.headers.get("content-encoding"):
        return response.request.sizes()["responseBodySize"]
    if brotli is not None and "/static/" in response.url:
        return len(brotli.compress(body))
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def format_axe_violations(violations):
    """One block per rule: id, impact, help text and every failing selector."""
    lines = []
    for violation in violations:
        lines.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {node.get('html', '')[:160]}")
            lines.append(f"       {summary[:300]}")
    return lines


class PageProbe:
    """One tab plus recorders; call ``visit()`` for each page to check."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.console_errors = []
        self.outside_requests = []
        self.requests = []
        self.status = None
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        self.page.on("requestfinished", lambda request: self.requests.append(request))
        # Playwright's routing sees every request of every page of this
        # context, including module scripts, workers' imports and fetches.
        context.route("**/*", self._guard)

    def _guard(self, route):
        """Let loopback requests through; record and abort everything else."""
        parts = urlsplit(route.request.url)
        if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def _on_console(self, message):
        if message.type == "error":
            where = message.location.get("url", "")
            self.console_errors.append(f"console: {message.text} ({where})")

    def visit(self, url, expected_status=200):
        """Open ``url`` as a first visit and wait until the network is quiet."""
        self.reset()
        response = self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        self.status = response.status if response else None
        self.expected_status = expected_status
        self.url = url
        return response

    def submit(self, button, expected_status=200):
        """Click a form's submit ``button`` and check the page it leads to, as a visit."""
        self.reset()
        with self.page.expect_navigation() as navigation:
            button.click()
        self.page.wait_for_load_state("networkidle")
        self.status = navigation.value.status
        self.expected_status = expected_status
        self.url = self.page.url
        return navigation.value

    def reset(self):
        """Forget what earlier visits recorded."""
        self.console_errors.clear()
        self.outside_requests.clear()
        self.requests.clear()

    def weight(self):
        """(total bytes, [(bytes, type, url)]) of this visit, images excluded."""
        items = [
            (transfer_size(request.response()), request.resource_type, request.url)
            for request in self.requests
            if request.resource_type not in UNWEIGHED_TYPES and request.response()
        ]
        return sum(size for size, _, _ in items), items

    def axe_violations(self):
        """axe-core's WCAG 2.x A/AA violations on the page as it is now."""
        return AXE.run(self.page, options=AXE_OPTIONS).response["violations"]

    def horizontal_overflow(self, width=320):
        """How many CSS px the page scrolls sideways at ``width`` (0 is right)."""
        self.page.set_viewport_size({"width": width, "height": 640})
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    def expected_errors(self):
        """Chromium logs a 4xx document as a failed load; that one is expected."""
        if self.expected_status < 400:
            return set()
        return {
            error
            for error in self.console_errors
            if f"status of {self.expected_status}" in error and error.endswith(f"({self.url})")
        }

    def problems(self):
        """Every failed check of the current visit, one readable line each."""
        lines = []
        language, title = self.page.evaluate("[document.documentElement.lang, document.title]")
        if language != "sv" or not title.strip():
            lines.append(f"<html lang={language!r}>, <title>{title!r}: want lang='sv' and a title")
        if self.status != self.expected_status:
            lines.append(f"HTTP status {self.status}, expected {self.expected_status}")
        total, items = self.weight()
        if total > WEIGHT_BUDGET:
            lines.append(f"page weight {total} B > {WEIGHT_BUDGET} B (gzip, no images):")
            lines += [f"    {size:>7} B  {kind:<10} {url}" for size, kind, url in items]
        lines += format_axe_violations(self.axe_violations())
        overflow = self.horizontal_overflow()
        if overflow > 0:
            lines.append(f"scrolls sideways by {overflow} px at 320 px wide")
        # Last, so requests caused by axe or the narrow layout count too.
        unexpected = self.expected_errors()
        lines += [error for error in self.console_errors if error not in unexpected]
        lines += [f"request left the machine: {url}" for url in self.outside_requests]
        return lines
