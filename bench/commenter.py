"""A visitor without a browser: read the comment form, solve ALTCHA, post.

``Visitor(base_url).comment(page_path, text)`` does what a browser and the
widget do: GET the page (hidden fields: page path and title; the page sets
no cookie and carries no token), GET the challenge from the widget's
``challengeurl``, find the number with ``altcha.solve_challenge`` (the same
proof of work the browser does), and POST the form with the base64 payload
in the captcha field and the page's ``Origin``, as a browser sends it. The
honeypot stays empty. Returns the POST's status and seconds.
"""

import base64
import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import altcha

POST_PATH = "/kommentera/"


class FormParser(HTMLParser):
    """Fields of the form that posts to /kommentera/, and the widget's options."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.fields = {}
        self.widget = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("action") or "").endswith(POST_PATH):
            self.in_form = True
        elif self.in_form and tag in ("input", "textarea") and attrs.get("name"):
            if attrs.get("type") not in ("submit", "button"):
                self.fields[attrs["name"]] = attrs.get("value") or ""
        elif self.in_form and tag == "altcha-widget":
            self.widget = attrs

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep the 303 as the answer: its status is what we measure."""

    def redirect_request(self, *args, **kwargs):
        return None


def solve(challenge):
    """The base64 payload the widget would put in the captcha field."""
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


class Visitor:
    """One visitor with its own cookie jar."""

    def __init__(self, base_url, timeout=15):
        self.base_url = base_url
        # The headers of the last answer (e.g. Retry-After of a 503).
        self.last_headers = {}
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def _open(self, path, data=None):
        # A browser names the page's origin on every POST; the site checks it.
        headers = {"Origin": self.base_url} if data is not None else {}
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                self.last_headers = response.headers
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            self.last_headers = error.headers
            return error.code, error.read()

    def form(self, page_path):
        """(fields, challenge) of the comment form on ``page_path``."""
        status, body = self._open(page_path)
        if status != 200:
            raise RuntimeError(f"GET {page_path}: {status}")
        parser = FormParser()
        parser.feed(body.decode())
        if not parser.fields or not parser.widget:
            raise RuntimeError(f"no comment form with an ALTCHA widget on {page_path}")
        status, body = self._open(parser.widget["challengeurl"])
        if status != 200:
            raise RuntimeError(f"GET challenge: {status}")
        return parser.fields, parser.widget.get("name", "captcha"), json.loads(body)

    def post(self, fields):
        """POST the form; (status, seconds)."""
        started = time.monotonic()
        status, _ = self._open(POST_PATH, urllib.parse.urlencode(fields).encode())
        return status, time.monotonic() - started

    def comment(self, page_path, text, solver=solve):
        """Fill in, solve and send; (status, seconds of the POST alone)."""
        fields, captcha_name, challenge = self.form(page_path)
        fields.update({"text": text, captcha_name: solver(challenge)})
        return self.post(fields)
