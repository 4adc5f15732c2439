"""The admin works under the site's strict CSP: no inline code without the nonce.

Every registered model's add form and list is rendered for a superuser and
scanned for what the browser would block: inline <script>/<style> without
the response's nonce and style="" attributes.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.admin.factories import make_user

pytestmark = pytest.mark.django_db

# Data blocks are not executed, so the CSP does not apply to them.
DATA_TYPES = {"application/json", "application/ld+json"}


class InlineCodeScanner(HTMLParser):
    """Collect inline scripts/styles and their nonces, and style attributes."""

    def __init__(self):
        super().__init__()
        self.inline = []  # (tag, nonce or None)
        self.style_attributes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes.append((tag, attrs["style"]))
        if tag == "script" and "src" not in attrs and attrs.get("type") not in DATA_TYPES:
            self.inline.append((tag, attrs.get("nonce")))
        if tag == "style":
            self.inline.append((tag, attrs.get("nonce")))


def header_nonce(response):
    """The nonce the CSP header allows, or None."""
    match = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    return match.group(1) if match else None


def admin_pages():
    """(name, url) for every registered model's add form and changelist."""
    pages = []
    for model in admin.site._registry:
        name = f"{model._meta.app_label}_{model._meta.model_name}"
        pages.append((f"{name} add", reverse(f"admin:{name}_add")))
        pages.append((f"{name} list", reverse(f"admin:{name}_changelist")))
    return pages


def test_admin_pages_have_no_blocked_inline_code(client):
    """Inline code carries the header's nonce; no page uses style attributes."""
    client.force_login(make_user(is_superuser=True))
    problems = []
    for name, url in [("index", reverse("admin:index")), *admin_pages()]:
        response = client.get(url)
        if response.status_code == 403:  # e.g. a model without an add permission
            continue
        assert response.status_code == 200, (name, response.status_code)
        scanner = InlineCodeScanner()
        scanner.feed(response.content.decode())
        nonce = header_nonce(response)
        for tag, tag_nonce in scanner.inline:
            if tag_nonce is None or tag_nonce != nonce:
                problems.append(f"{name}: <{tag}> without the nonce")
        problems += [f"{name}: style attribute on <{tag}>" for tag, _ in scanner.style_attributes]
    assert problems == []


def test_csp_in_admin_is_the_strict_site_policy(client):
    """The admin gets the same policy as public pages: no 'unsafe-inline' anywhere."""
    client.force_login(make_user(is_superuser=True))
    policy = client.get(reverse("admin:index"))["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_rich_text_editor_gets_the_nonce(client):
    """The editor's import map and Tiptap's style element carry the header's nonce."""
    client.force_login(make_user(is_superuser=True))
    response = client.get(reverse("admin:news_article_add"))
    nonce = header_nonce(response)
    html = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce}">' in html
    assert f'<style data-tiptap-style nonce="{nonce}"></style>' in html
    assert "kkn_admin/tiptap-base.css" in html
    assert "kkn_admin/prose-editor-sv.js" in html
