"""What the nginx page cache must and must not do, checked against a running proxy.

:func:`check_rules` sends a few dozen requests through nginx (bench/nginx.py
in front of a gunicorn) and returns ``[(name, passed, detail)]``: pages are
stored per encoding and consent variant and shared by visitors whose other
cookies differ; staff, odd or doubled consent cookies and unconsented
optional cookies pass the cache both ways; the admin, the comment form, the
cookie page, previews and the health probe are never stored; POSTs are
never answered from the cache; large bodies get 413 from nginx; static
files and uploads carry the right headers; nginx, not the client, sets
X-Forwarded-Proto. Everything stays on 127.0.0.1.
"""

import http.client
import re
from urllib.parse import urlsplit

BROWSER = "gzip, deflate, br"
PAGE = "/tillganglighet/"


class Client:
    """Plain HTTP/1.1 requests to the proxy, one connection each."""

    def __init__(self, url):
        """Talk to the proxy at ``url`` (http://127.0.0.1:port)."""
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.origin = url

    def request(self, method, path, headers=None, body=None):
        """``(status, {lower-case name: value}, body bytes)``; Set-Cookie values joined."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            found = {}
            for name, value in response.getheaders():
                name = name.lower()
                found[name] = f"{found[name]}\n{value}" if name in found else value
            return response.status, found, data
        finally:
            connection.close()

    def get(self, path, cookie=None, encoding=BROWSER, **extra):
        """A browser-like GET with the given Cookie and Accept-Encoding."""
        headers = {"Accept-Encoding": encoding, **extra}
        if cookie:
            headers["Cookie"] = cookie
        return self.request("GET", path, headers)

    def consent_cookie(self, choice):
        """A real, signed kkn_consent value from the consent view ("godkann-alla" …)."""
        status, headers, _ = self.request(
            "POST",
            f"/cookies/{choice}/",
            {"Origin": self.origin, "Content-Type": "application/x-www-form-urlencoded"},
            body="next=/",
        )
        match = re.search(r"kkn_consent=([^;]+)", headers.get("set-cookie", ""))
        if status != 303 or not match:
            raise RuntimeError(f"consent view answered {status} without a cookie")
        return match.group(1)


def _cache(headers):
    """The X-Cache-Status of an answer, "(none)" when nginx did not use the cache."""
    return headers.get("x-cache-status", "(none)")


def _twice(client, path, **kwargs):
    """Cache status of two identical GETs, and the second's headers."""
    first = client.get(path, **kwargs)
    second = client.get(path, **kwargs)
    return _cache(first[1]), _cache(second[1]), second


def _variant_cookies(accepted, rejected):
    """(label, Cookie header) for the three variants a visitor can be in."""
    return (
        ("no choice", None),
        ("rejected", f"kkn_consent={rejected}"),
        ("accepted", f"kkn_consent={accepted}"),
    )


def check_encodings(client, results):
    """One stored page per encoding class, with the matching Content-Encoding."""
    for encoding, expected in (("br", "br"), ("gzip", "gzip"), ("identity", None)):
        first, second, (status, headers, _) = _twice(client, "/", encoding=encoding)
        ok = status == 200 and second == "HIT" and headers.get("content-encoding") == expected
        results.append((f"encoding {encoding}: stored and served", ok, f"{first}->{second}"))
    status, headers, _ = client.get("/", encoding="br;q=0, gzip")
    results.append(
        ("br;q=0 counts as no br", headers.get("content-encoding") == "gzip", _cache(headers))
    )


def check_variants(client, results, accepted, rejected):
    """Consent variants are stored apart; other cookies do not split the cache."""
    tags = {}
    for label, cookie in _variant_cookies(accepted, rejected):
        first, second, (status, headers, _) = _twice(client, PAGE, cookie=cookie)
        tags[label] = headers.get("etag")
        ok = status == 200 and second == "HIT"
        results.append((f"variant {label}: stored", ok, f"{first}->{second} {tags[label]}"))
    results.append(("variants are different entries", len(set(tags.values())) == 3, str(tags)))
    status, headers, _ = client.get(
        PAGE, cookie=f"csrftoken=abc; kkn_consent={accepted}; theme=dark; x=1"
    )
    ok = _cache(headers) == "HIT" and headers.get("etag") == tags["accepted"]
    results.append(("other cookies share the variant's entry", ok, _cache(headers)))
    return tags


def check_bypass(client, results, accepted, rejected, tags):
    """Cookies the proxy must not key on go past the cache and leave it as it was."""
    cases = {
        "staff sessionid": "sessionid=abc",
        "staff __Host-sessionid": "__Host-sessionid=abc",
        "two consent cookies": f"kkn_consent={rejected}; kkn_consent={accepted}",
        "consent cookie in capitals": f"KKN_CONSENT={rejected}; kkn_consent={accepted}",
        "space before =": f"kkn_consent ={accepted}",
        "quoted consent": f'kkn_consent="{accepted}"',
        "garbage consent": "kkn_consent=garbage",
        "unconsented Matomo cookie": f"kkn_consent={rejected}; _pk_id.1.abcd=1",
    }
    for label, cookie in cases.items():
        status, headers, _ = client.get(PAGE, cookie=cookie)
        results.append((f"bypass: {label}", _cache(headers) == "BYPASS", _cache(headers)))
    status, headers, _ = client.get(PAGE, cookie=f"kkn_consent={rejected}; _pk_id.1.abcd=1")
    deleted = "_pk_id.1.abcd=" in headers.get("set-cookie", "")
    results.append(("the app deletes the unconsented cookie", deleted, headers.get("set-cookie")))
    _, headers, _ = client.get(PAGE, cookie=f"kkn_consent={accepted}; _pk_id.1.abcd=1")
    results.append(
        ("Matomo cookie with consent: cached", _cache(headers) == "HIT", _cache(headers))
    )
    for label, cookie in _variant_cookies(accepted, rejected):
        _, headers, _ = client.get(PAGE, cookie=cookie)
        same = headers.get("etag") == tags[label] and _cache(headers) == "HIT"
        results.append((f"entry {label} untouched by bypasses", same, headers.get("etag")))


def check_never_cached(client, results):
    """Personal and one-time answers never come from the cache."""
    for path in ("/cookies/", "/kommentera/utmaning/", "/healthz", "/admin/login/"):
        first, second, (status, headers, _) = _twice(client, path)
        ok = first == second == "(none)" and "no-store" in headers.get("cache-control", "")
        results.append((f"never cached: {path}", ok, f"{status} {headers.get('cache-control')}"))
    one = client.get("/kommentera/utmaning/")[2]
    two = client.get("/kommentera/utmaning/")[2]
    results.append(("a fresh captcha challenge each time", one != two, f"{len(one)} B"))
    for _ in range(2):
        status, headers, _ = client.request("POST", PAGE, {"Content-Length": "0"})
    results.append(
        ("POST not from the cache", _cache(headers) != "HIT", f"{status} {_cache(headers)}")
    )
    status, _, _ = client.request("POST", "/kommentera/", {}, body=b"x" * (1024 * 1024 + 1))
    results.append(("body over 1 MB refused by nginx", status == 413, str(status)))
    # The admin's 12m is for the article and event forms' images; the rest keeps 1m.
    status, _, _ = client.request("POST", "/admin/login/", {}, body=b"x" * (1024 * 1024 + 1))
    results.append(("login body over 1 MB refused by nginx", status == 413, str(status)))
    # Two MB to an article form reach the app, which refuses a stranger (its 413 is
    # a page of its own, nginx's names nginx).
    status, _, body = client.request(
        "POST", "/admin/news/article/add/", {}, body=b"x" * (2 * 1024 * 1024)
    )
    passed_on = status == 413 and b"nginx" not in body
    results.append(
        ("article form: 12m in nginx, the app refuses strangers", passed_on, str(status))
    )


def check_files(client, results, static_path, media_dir):
    """Static files pre-compressed and immutable when hashed; uploads never run as pages."""
    status, headers, _ = client.get(static_path, encoding="br")
    ok = (
        status == 200
        and headers.get("content-encoding") == "br"
        and "immutable" in headers.get("cache-control", "")
        and headers.get("x-content-type-options") == "nosniff"
    )
    results.append(("hashed static: br, immutable, nosniff", ok, headers.get("cache-control")))
    status, headers, _ = client.get(static_path, encoding="gzip")
    results.append(("static gzip_static", headers.get("content-encoding") == "gzip", str(status)))
    plain = re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", static_path)
    status, headers, _ = client.get(plain)
    ok = status == 200 and headers.get("cache-control") == "public, max-age=60"
    results.append(("unhashed static: one minute", ok, headers.get("cache-control")))
    (media_dir / "news").mkdir(exist_ok=True)
    (media_dir / "news" / "evil.html").write_text("<script>alert(1)</script>")
    (media_dir / "news" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    status, headers, _ = client.get("/media/news/evil.html")
    ok = (
        headers.get("content-type") == "application/octet-stream"
        and headers.get("x-content-type-options") == "nosniff"
        and "sandbox" in headers.get("content-security-policy", "")
    )
    results.append(("upload named .html is not a page", ok, headers.get("content-type")))
    status, headers, _ = client.get("/media/news/bild.png")
    results.append(("upload image type", headers.get("content-type") == "image/png", str(status)))


def check_forwarding(client, results):
    """nginx overwrites a client's X-Forwarded-Proto (the feed's links stay http://).

    That the Host reaches the app with its port is shown by consent_cookie:
    the consent view compares Origin with the request's host.
    """
    status, _, body = client.get(
        "/nyheter/rss/?proxy-check=1", encoding="identity", **{"X-Forwarded-Proto": "https"}
    )
    link = re.search(r"<link>([^<]*)</link>", body.decode(errors="replace"))
    ok = status == 200 and link is not None and link.group(1).startswith("http://")
    results.append(("X-Forwarded-Proto set by nginx", ok, link.group(1) if link else str(status)))


def check_rules(proxy_url, static_path, media_dir):
    """Run every check through the proxy at ``proxy_url``; ``[(name, passed, detail)]``."""
    client = Client(proxy_url)
    results = []
    accepted = client.consent_cookie("godkann-alla")
    rejected = client.consent_cookie("endast-nodvandiga")
    check_encodings(client, results)
    tags = check_variants(client, results, accepted, rejected)
    check_bypass(client, results, accepted, rejected, tags)
    check_never_cached(client, results)
    check_files(client, results, static_path, media_dir)
    check_forwarding(client, results)
    return results
