"""Headers and host-dependence (issue 16, item 7).

Permissions-Policy on every answer; every absolute address from SITE_URL
whatever Host was used; security.txt's Expires computed from the deploy;
the file e-mail backend configured properly or refused.
"""

import datetime
import json
import os
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from feedback.notify import notify_new_comment
from kkn_portal import security_txt
from tests.events.factories import local, make_event
from tests.feedback.factories import make_comment
from tests.foundation.conftest import production_env, run_python
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

# A Host in ALLOWED_HOSTS that is not the site's public address (SITE_URL is http://testserver).
OTHER_HOST = "localhost"
DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "autoplay"]


@pytest.mark.parametrize(
    "path",
    ["/", "/healthz", "/static/css/site.css", "/finns-inte/", "/admin/login/", "/robots.txt"],
)
def test_permissions_policy_on_every_answer(client, path):
    """Pages, health, static files, 404s and the admin all deny the unused features."""
    header = client.get(path)["Permissions-Policy"]
    directives = dict(part.strip().split("=", 1) for part in header.split(","))
    for feature in DENIED:
        assert directives[feature] == "()"
    assert set(directives.values()) == {"()"}


def test_permissions_policy_on_cache_hits_and_refusals(client):
    """A page served from the page cache and a refused body carry it too."""
    client.get("/")
    hit = client.get("/")
    assert hit.page_cache == "hit"
    refused = client.post("/kommentera/", "a=" + "b" * 2_000_000, content_type="text/plain")
    assert refused.status_code == 413
    for response in (hit, refused):
        assert "camera=()" in response["Permissions-Policy"]


def absolute_links(html):
    """Every absolute http(s) address in ``html``."""
    return re.findall(r"https?://[^\s\"'<>\\]+", html)


def test_article_links_follow_site_url_not_host(client):
    """Canonical, og:url, og:image and JSON-LD of an article ignore the Host used."""
    article = make_article(slug="kkn-satsning")
    html = client.get(article.get_absolute_url(), HTTP_HOST=OTHER_HOST).content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/nyheter/kkn-satsning/">' in html
    assert f'<meta property="og:url" content="{settings.SITE_URL}/nyheter/kkn-satsning/">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["url"] == data["mainEntityOfPage"] == f"{settings.SITE_URL}/nyheter/kkn-satsning/"
    assert data["publisher"]["url"] == f"{settings.SITE_URL}/"
    assert OTHER_HOST not in " ".join(absolute_links(html))


def test_event_links_follow_site_url_not_host(client):
    """An event's canonical link, og:url, structured data and calendar links ignore the Host."""
    event = make_event(slug="konferens", start=local(2031, 5, 31, 9), end=local(2031, 6, 1, 15))
    html = client.get(event.get_absolute_url(), HTTP_HOST=OTHER_HOST).content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/evenemang/konferens/">' in html
    assert f'content="{settings.SITE_URL}/evenemang/konferens/"' in html
    listing = client.get(reverse("events:index"), HTTP_HOST=OTHER_HOST).content.decode()
    assert "webcal://testserver/evenemang/kalender.ics" in listing
    ics = client.get(reverse("events:ics", args=["konferens"]), HTTP_HOST=OTHER_HOST)
    assert b"URL:http://testserver/evenemang/konferens/" in ics.content.replace(b"\r\n ", b"")
    for text in (html, listing, ics.content.decode()):
        assert OTHER_HOST not in " ".join(absolute_links(text))


def test_robots_and_security_txt_follow_site_url(client):
    """robots.txt's Sitemap and security.txt's Canonical and Policy name SITE_URL."""
    robots = client.get("/robots.txt", HTTP_HOST=OTHER_HOST).content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in robots.splitlines()
    text = client.get("/.well-known/security.txt", HTTP_HOST=OTHER_HOST).content.decode()
    assert f"Canonical: {settings.SITE_URL}/.well-known/security.txt" in text.splitlines()
    assert f"Policy: {settings.SITE_URL}/om-webbplatsen/" in text.splitlines()


def expires_field(client):
    """The Expires of security.txt as a datetime."""
    text = client.get("/.well-known/security.txt").content.decode()
    return datetime.datetime.fromisoformat(re.search(r"^Expires: (.+)$", text, re.M)[1])


def test_security_txt_expires_is_in_the_future_and_within_a_year(client):
    """RFC 9116: a future date, less than a year ahead."""
    now = datetime.datetime.now(datetime.UTC)
    assert now < expires_field(client) < now + datetime.timedelta(days=365)


def test_security_txt_expires_is_renewed_by_each_deploy(client, settings, tmp_path):
    """It counts from the static manifest collectstatic writes at each deploy (image build)."""
    settings.STATIC_ROOT = tmp_path
    manifest = tmp_path / "staticfiles.json"
    manifest.write_text("{}")
    deployed = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    os.utime(manifest, (deployed.timestamp(), deployed.timestamp()))
    assert expires_field(client) == deployed + security_txt.LIFETIME
    redeployed = deployed + datetime.timedelta(days=200)
    os.utime(manifest, (redeployed.timestamp(), redeployed.timestamp()))
    assert expires_field(client) == redeployed + security_txt.LIFETIME


FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


def test_file_backend_without_a_folder_refuses_to_start():
    """The file backend with no EMAIL_FILE_PATH stops the site at start, not at the first e-mail."""
    result = run_python("import kkn_portal.settings", production_env(EMAIL_BACKEND=FILE_BACKEND))
    assert result.returncode != 0
    assert "EMAIL_FILE_PATH must be set" in result.stderr


def test_file_backend_writes_notifications_to_the_folder(settings, tmp_path):
    """With a folder, each notification becomes a file there."""
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.FEEDBACK_NOTIFY_EMAILS = ["webbredaktionen@example.se"]
    assert notify_new_comment(make_comment())
    [written] = tmp_path.iterdir()
    assert "webbredaktionen@example.se" in written.read_text()
    assert not mail.outbox


def test_email_file_path_is_read_from_the_environment(tmp_path):
    """EMAIL_FILE_PATH reaches the settings (it was documented nowhere and not read)."""
    code = "from django.conf import settings; print(settings.EMAIL_FILE_PATH)"
    env = production_env(
        EMAIL_BACKEND=FILE_BACKEND,
        EMAIL_FILE_PATH=str(tmp_path),
        DJANGO_SETTINGS_MODULE="kkn_portal.settings",
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path)
