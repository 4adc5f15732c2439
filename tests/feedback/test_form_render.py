"""The form at the end of every content page, the demo data and the settings."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.flatpages.models import FlatPage
from django.template import Context, Template
from django.urls import reverse

from feedback import demo
from feedback.models import Comment
from feedback.personal_id import MASK

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page_html(client):
    """The HTML of a flatpage that includes the comment form."""
    page = FlatPage.objects.create(
        url="/tillganglighet/", title="Tillgänglighet", content="<p>x</p>"
    )
    page.sites.add(1)
    response = client.get("/tillganglighet/")
    return response, response.content.decode()


def test_form_has_label_notices_and_links(page_html):
    """Label, required marker, the three notices, 1177 and the privacy page (C5.2)."""
    _, html = page_html
    label = re.search(
        r'<label\s+for="id_comment_text"[^>]*>\s*Din kommentar<span[^>]*>\*</span>', html
    )
    assert label and 'aria-hidden="true"' in label.group(0)
    assert "* = Obligatorisk uppgift" in html
    assert "Region Norrbottens webbredaktion" in html
    assert "kontakta vården" in html and 'href="https://www.1177.se"' in html
    assert "Ange inga personuppgifter här." in html
    assert f'href="{reverse("privacy")}"' in html
    assert f'action="{reverse("feedback:post")}"' in html


def test_form_carries_page_path_only_and_nothing_personal(page_html):
    """The hidden field names the page by path (the server finds its title); no token."""
    _, html = page_html
    assert 'name="page_path" value="/tillganglighet/"' in html
    assert 'name="page_title"' not in html
    assert "form_token" not in html and "csrfmiddlewaretoken" not in html


def test_honeypot_is_hidden_by_css_with_a_label(page_html):
    """The trap field sits in the off-screen class, labelled, out of tab order, no autofill."""
    _, html = page_html
    trap = html[html.index('class="comment-trap"') :][:600]
    assert "Lämna det här fältet tomt" in trap
    assert 'autocomplete="off"' in trap and 'tabindex="-1"' in trap
    css = (ROOT / "static/css/site.css").read_text()
    assert ".comment-trap {" in css


def test_page_with_the_form_sets_no_cookie(page_html):
    """C1.1 even for pages with the form: no CSRF cookie, nothing at all before consent."""
    response, _ = page_html
    assert not response.cookies
    assert not response.has_header("Set-Cookie")


def test_no_inline_script_or_style_without_nonce(page_html):
    """The form adds no inline script or style (the ALTCHA CSS is a file)."""
    _, html = page_html
    section = html[html.index('id="kommentera"') :]
    assert "<style" not in section
    assert "<script>" not in section and "style=" not in section


def test_tag_without_request_renders_nothing():
    """Rendering outside a request (e.g. a stray e-mail template) does not fail."""
    html = Template("{% load feedback_tags %}{% comment_form %}").render(Context({}))
    assert "<form" not in html


def test_demo_is_idempotent_and_shows_masking():
    """seed() twice creates the comments once; one is handled, one hides a personnummer."""
    first = demo.seed()
    second = demo.seed()
    assert first.startswith(f"{len(demo.COMMENTS)} comments created")
    assert second.startswith("0 comments created")
    assert Comment.objects.count() == len(demo.COMMENTS)
    assert Comment.objects.filter(status=Comment.Status.HANDLED).exists()
    flagged = Comment.objects.get(has_personal_id=True)
    assert MASK in flagged.masked_text


def _settings_in_subprocess(env):
    code = (
        "import json; from kkn_portal import settings as s; "
        "print(json.dumps({'apps': s.INSTALLED_APPS, 'csp': s.CONTENT_SECURITY_POLICY['DIRECTIVES']}, default=str))"
    )
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_google_hosts_only_in_csp_when_recaptcha_is_configured():
    """C3.1: without keys no Google host and no django_recaptcha app; with keys both."""
    off = _settings_in_subprocess({"RECAPTCHA_PUBLIC_KEY": "", "RECAPTCHA_PRIVATE_KEY": ""})
    assert "django_recaptcha" not in off["apps"]
    assert "google" not in json.dumps(off["csp"])
    on = _settings_in_subprocess({"RECAPTCHA_PUBLIC_KEY": "pub", "RECAPTCHA_PRIVATE_KEY": "priv"})
    assert "django_recaptcha" in on["apps"]
    assert "https://www.google.com/recaptcha/" in on["csp"]["script-src"]
    assert "https://www.gstatic.com/recaptcha/" in on["csp"]["script-src"]
    assert "https://www.google.com/recaptcha/" in on["csp"]["frame-src"]


@pytest.fixture
def renders(settings):
    """Every request renders its page: the page cache off, so the form's memo is what is tested."""
    settings.PAGE_CACHE_ENABLED = False


def _form_of(response):
    """The comment form's section of a page."""
    html = response.content.decode()
    start = html.index('id="kommentera"')
    return html[start : html.index("</section>", start)]


def test_form_is_rendered_once_per_page_and_reused(client, renders):
    """The second visit of a page reuses the form's HTML; another page gets its own form."""
    from feedback.templatetags.feedback_tags import rendered_form

    rendered_form.cache_clear()
    first = _form_of(client.get(reverse("news:index")))
    second = _form_of(client.get(reverse("news:index")))
    other = _form_of(client.get(reverse("events:index")))
    assert first == second
    assert rendered_form.cache_info().hits == 1
    assert 'name="page_path" value="/nyheter/"' in first
    assert 'name="page_path" value="/evenemang/"' in other


def test_reused_form_keeps_each_page_and_thanks(client, renders):
    """Two articles, and one page with and without the thank-you, never share a form."""
    from tests.news.factories import make_article

    one, two = make_article(title="Första nyheten"), make_article(title="Andra nyheten")
    for article in (one, two, one):
        form = _form_of(client.get(article.get_absolute_url()))
        assert f'value="{article.get_absolute_url()}"' in form
    thanks = _form_of(client.get(one.get_absolute_url() + "?kommentar=tack"))
    plain = _form_of(client.get(one.get_absolute_url()))
    assert "Tack för din kommentar" in thanks and "Tack för din kommentar" not in plain


def test_reused_form_follows_each_visitors_captcha(client, settings, renders, monkeypatch):
    """With reCAPTCHA configured, a visitor who accepted it and one who did not get their own."""
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    accepts = {"value": False}
    monkeypatch.setattr("feedback.captcha.visitor_allows_external", lambda r: accepts["value"])
    for external in (False, True, False, True):
        accepts["value"] = external
        form = _form_of(client.get(reverse("home")))
        assert ('class="g-recaptcha"' in form) is external
        assert ("<altcha-widget" in form) is not external


def test_changed_settings_are_never_served_from_an_old_form(client, settings, renders):
    """The memo is emptied when a setting changes (here: the reCAPTCHA key the widget shows)."""
    from feedback.templatetags.feedback_tags import rendered_form

    _form_of(client.get(reverse("home")))
    assert rendered_form.cache_info().currsize > 0
    settings.FEEDBACK_ALTCHA_MAX_NUMBER = 5
    assert rendered_form.cache_info().currsize == 0
