"""Security headers, CSP nonces, unknown hosts and oversized request bodies."""

import re

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

LARGE_BODY = 2 * 1024 * 1024


def parse_csp(header):
    """Split a Content-Security-Policy header into {directive: [sources]}."""
    policy = {}
    for part in header.split(";"):
        tokens = part.split()
        if tokens:
            policy[tokens[0]] = tokens[1:]
    return policy


@pytest.fixture
def page(client, db):
    """The start page, as any visitor gets it."""
    return client.get(reverse("home"))


def test_csp_is_strict(page):
    """The policy allows only the site itself and nothing inline (C4.7)."""
    policy = parse_csp(page["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        sources = policy.get(directive, policy["default-src"])
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources
        assert all(source.startswith("'") for source in sources), sources  # no hosts


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
    ],
)
def test_security_headers(page, header, value):
    """The other security headers are on every page (C4.7)."""
    assert page[header] == value


@pytest.mark.urls("tests.foundation.urls")
def test_inline_script_nonce_matches_header(client, db):
    """A page with an inline script gets a nonce in script-src equal to the script's."""
    response = client.get("/test-nonce/")
    html = response.content.decode()
    policy = parse_csp(response["Content-Security-Policy"])
    nonce = re.search(r'<script nonce="([^"]+)">', html).group(1)
    assert f"'nonce-{nonce}'" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    # Every inline script and style carries that nonce (C4.8).
    for tag in re.findall(r"<(?:script|style)\b(?![^>]*\bsrc=)[^>]*>", html):
        assert f'nonce="{nonce}"' in tag, tag


@pytest.mark.urls("tests.foundation.urls")
def test_nonce_differs_between_requests(client, db):
    """Each response has its own nonce."""
    first = parse_csp(client.get("/test-nonce/")["Content-Security-Policy"])["script-src"]
    second = parse_csp(client.get("/test-nonce/")["Content-Security-Policy"])["script-src"]
    nonces = [{s for s in sources if s.startswith("'nonce-")} for sources in (first, second)]
    assert nonces[0] and nonces[1]
    assert nonces[0] != nonces[1]


@pytest.mark.urls("tests.foundation.urls")
def test_nonce_page_is_not_shared_cached(client, db):
    """A response with a nonce is private: a shared cache would reuse the nonce (C4.8)."""
    response = client.get("/test-nonce/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_unknown_host_gets_400_not_500(client, db):
    """A Host header outside ALLOWED_HOSTS is refused with the Swedish 400 page."""
    client.raise_request_exception = False
    response = client.get(reverse("home"), HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Felaktig förfrågan" in html


@pytest.mark.parametrize("path", ["/", "/kommentera/", "/cookies/"])
def test_large_urlencoded_body_is_refused(db, path):
    """A 2 MB form body gets 413 before any view runs, never a 500 (tests/security/test_body_limit.py)."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    response = client.post(
        path,
        data="csrfmiddlewaretoken=" + token + "&text=" + "a" * LARGE_BODY,
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 413


def test_large_multipart_body_is_refused(db):
    """The same for a multipart body made of one huge text field."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    response = client.post("/", {"csrfmiddlewaretoken": token, "text": "a" * LARGE_BODY})
    assert response.status_code == 413
