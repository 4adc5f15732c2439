"""Maintenance mode (issue 16, item 10; RULES C6.9).

Every public request gets the static Swedish 503 with Retry-After; /healthz
reports maintenance; staff keep the admin; a file flag works without restart.
"""

import pytest
from django.urls import reverse

from events.registration.models import Registration
from feedback.models import Comment, HelpfulnessCount
from kkn_portal.consent.models import ConsentRecord
from tests.feedback.helpers import patch_captcha, post_data
from tests.news.factories import make_article
from tests.registration.helpers import (
    cancel_path,
    make_registrable,
    make_registration,
    register_url,
    registration_data,
)

pytestmark = pytest.mark.django_db

PUBLIC_GETS = ["/", "/nyheter/", "/nyheter/kkn/", "/evenemang/", "/sok/?q=kultur", "/cookies/"]
PUBLIC_GETS += ["/tillganglighet/", "/robots.txt", "/sitemap.xml", "/evenemang/kalender.ics"]


@pytest.fixture
def maintenance(settings):
    """Maintenance mode switched on by the setting."""
    settings.MAINTENANCE_MODE = True
    settings.MAINTENANCE_RETRY_AFTER = 600


def assert_maintenance_page(response):
    """The static 503: Swedish, Retry-After, never stored, no cookie."""
    assert response.status_code == 503
    assert response["Retry-After"] == "600"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Webbplatsen är stängd för underhåll" in html


@pytest.mark.parametrize("path", PUBLIC_GETS)
def test_public_pages_get_the_503(client, maintenance, path, django_assert_num_queries):
    """Pages, lists, search, feeds and text files: the 503, without a database query."""
    with django_assert_num_queries(0):
        response = client.get(path)
    assert_maintenance_page(response)


def test_a_page_in_the_page_cache_is_not_served(client, settings):
    """A page stored before maintenance began is not handed out during it."""
    make_article(slug="kkn")
    assert client.get("/nyheter/kkn/").status_code == 200
    assert client.get("/nyheter/kkn/").page_cache == "hit"
    settings.MAINTENANCE_MODE = True
    settings.MAINTENANCE_RETRY_AFTER = 600
    assert_maintenance_page(client.get("/nyheter/kkn/"))


def test_comment_post_gets_the_503_and_stores_nothing(browser, maintenance):
    """The comment form's POST: 503 with Retry-After, no comment."""
    with patch_captcha():
        response = browser.post(reverse("feedback:post"), post_data())
    assert_maintenance_page(response)
    assert Comment.objects.count() == 0


def test_yes_no_answer_gets_the_503_and_counts_nothing(browser, maintenance):
    """ "Hjälpte informationen dig?": 503, nothing counted."""
    response = browser.post(reverse("feedback:helpful"), {"page_path": "/", "answer": "ja"})
    assert_maintenance_page(response)
    assert HelpfulnessCount.objects.count() == 0


def test_registration_and_its_links_get_the_503(browser, maintenance):
    """Signing up, the confirmation page and the cancel link: 503, nothing stored or cancelled."""
    event = make_registrable()
    registration = make_registration(event)
    with patch_captcha():
        assert_maintenance_page(browser.post(register_url(event), registration_data()))
    assert_maintenance_page(browser.get(registration.get_absolute_url()))
    assert_maintenance_page(browser.post(cancel_path(registration)))
    assert list(Registration.objects.values_list("status", flat=True)) == [registration.status]


@pytest.mark.parametrize("url_name", ["consent:accept-all", "consent:reject-all", "consent:save"])
def test_consent_post_gets_the_503_and_records_nothing(browser, maintenance, url_name):
    """The consent POSTs: 503, no record, no consent cookie."""
    response = browser.post(reverse(url_name), {"next": "/"})
    assert_maintenance_page(response)
    assert ConsentRecord.objects.count() == 0


def test_healthz_reports_maintenance(client, maintenance):
    """The probe still answers 200, so the balancer keeps routing to the admin, and says why."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "maintenance"


def test_staff_keep_the_admin(admin_client, client, maintenance):
    """The login page answers, and a logged-in editor can browse and save in the admin."""
    assert client.get(reverse("admin:login")).status_code == 200
    assert admin_client.get(reverse("admin:index")).status_code == 200
    article = make_article(slug="kkn", title="Före")
    changelist = admin_client.get(reverse("admin:news_article_changelist"))
    assert changelist.status_code == 200
    response = admin_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "draft"


def test_static_files_still_serve_the_page_its_stylesheet(client, maintenance):
    """The 503 page's CSS is a static file, which stays available."""
    assert client.get("/static/css/site.css").status_code == 200


def test_file_flag_switches_without_a_restart(client, settings, tmp_path):
    """Touching the file starts maintenance, removing it ends it, request by request."""
    flag = tmp_path / "maintenance"
    settings.MAINTENANCE_FILE = str(flag)
    assert client.get("/robots.txt").status_code == 200
    flag.touch()
    assert client.get("/robots.txt").status_code == 503
    flag.unlink()
    assert client.get("/robots.txt").status_code == 200


def test_off_by_default(settings):
    """A normal deployment is not in maintenance."""
    assert settings.MAINTENANCE_MODE is False
    assert settings.MAINTENANCE_FILE == ""
