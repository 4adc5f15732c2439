"""Page weight on a first visit: the compressed page plus every file it loads.

``page_weight(base_url, path)`` fetches the page as a browser over HTTPS
would (``Accept-Encoding: br, gzip``), finds the stylesheets, scripts and
icons it links, fetches each the same way and adds up the bytes on the
wire (Brotli where the server has it). Content images would not count
toward the budget (issue 11: "without content images"); the site has none.
"""

import re
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

ACCEPT = {"Accept-Encoding": "br, gzip"}
BUDGET_BYTES = 60 * 1024


class _Assets(HTMLParser):
    """Collects the URLs of the files a page makes the browser load."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and re.search(r"\b(stylesheet|icon)\b", attributes.get("rel") or ""):
            self.urls.append(attributes.get("href"))
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])


def fetch(url):
    """``(bytes on the wire, decoded text or None)`` of one GET on loopback."""
    request = urllib.request.Request(url, headers=ACCEPT)  # noqa: S310 - loopback only
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        raw = response.read()
        encoding = response.headers.get("Content-Encoding")
        if encoding == "br":
            import brotli

            text = brotli.decompress(raw)
        elif encoding == "gzip":
            import gzip

            text = gzip.decompress(raw)
        else:
            text = raw
    return len(raw), text


def page_weight(base_url, path):
    """``{"html": bytes, "assets": bytes, "total": bytes, "files": n}`` of a first visit."""
    html_bytes, body = fetch(base_url + path)
    parser = _Assets()
    parser.feed(body.decode("utf-8", "replace"))
    urls = sorted({urljoin(base_url + path, url) for url in parser.urls if url})
    assets = sum(fetch(url)[0] for url in urls if url.startswith(base_url))
    return {"html": html_bytes, "assets": assets, "total": html_bytes + assets, "files": len(urls)}
