"""What visitors see: banner, /cookies/, statistics only with consent, no cookie wall."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.staticfiles import finders
from django.template import engines
from django.test import override_settings
from django.urls import reverse

from kkn_portal.consent import registry

from .factories import give_consent, post_choice

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "news:index",
    "events:index",
    "search:index",
    "consent:cookies",
    "accessibility",
]
STATISTICS_ON = {"STATISTICS_SNIPPET_URL": "https://matomo.example.se/", "STATISTICS_SITE_ID": "3"}


@pytest.fixture(autouse=True)
def accessibility_page():
    """The accessibility statement is a flatpage that must exist to be visited."""
    page = FlatPage.objects.create(
        url="/tillganglighet/", title="Tillgänglighet", content="<p>Redogörelse.</p>"
    )
    page.sites.add(settings.SITE_ID)


def banner(response):
    """The banner's markup, or None when there is no banner."""
    match = re.search(
        r"<section[^>]*data-consent-banner.*?</section>", response.content.decode(), re.S
    )
    return match.group(0) if match else None


def necessary_names():
    """Names of the strictly necessary cookies in the registry."""
    return {entry.name for entry in registry.cookies() if entry.category == registry.NECESSARY}


@pytest.mark.parametrize("url_name", PUBLIC_PAGES)
def test_first_visit_sets_only_necessary_cookies_and_shows_banner(client, url_name):
    """C1.1/C1.2: a first visit sets at most the session-only CSRF cookie; banner shown."""
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert set(response.cookies) <= necessary_names() - {"sessionid", registry.CONSENT_COOKIE_NAME}
    for morsel in response.cookies.values():
        assert morsel["max-age"] == "" and morsel["expires"] == ""
    assert banner(response) is not None


def test_banner_buttons_are_equal(client):
    """C1.5: "Godkänn alla" and "Endast nödvändiga" are alike buttons in one form."""
    html = banner(client.get(reverse("home")))
    assert html.count("<form") == 1
    buttons = re.findall(r"<button([^>]*)>(.*?)</button>", html)
    assert [label for _attrs, label in buttons] == ["Godkänn alla", "Endast nödvändiga"]
    classes = [re.search(r'class="([^"]*)"', attrs).group(1) for attrs, _label in buttons]
    types = [re.search(r'type="([^"]*)"', attrs).group(1) for attrs, _label in buttons]
    assert classes[0] == classes[1] and types == ["submit", "submit"]
    assert 'action="/cookies/godkann-alla/"' in html
    assert 'formaction="/cookies/endast-nodvandiga/"' in html


def test_banner_names_categories_withdrawal_and_settings(client):
    """C1.7: the first layer names the categories, withdrawal and links to /cookies/."""
    html = banner(client.get(reverse("news:index")))
    assert "statistik" in html and "externa tjänster" in html
    assert "återkalla" in html
    assert f'href="{reverse("consent:cookies")}"' in html
    assert f'href="{reverse("consent:cookies")}#installningar">Inställningar</a>' in html
    assert 'name="next"' not in html, "the banner is the same on every page"


def test_banner_is_a_labelled_region_not_a_modal(client):
    """The banner is a named region that hides nothing from screen readers."""
    html = banner(client.get(reverse("home")))
    assert 'aria-labelledby="consent-banner-title"' in html and 'id="consent-banner-title"' in html
    assert 'role="dialog"' not in html and "aria-modal" not in html
    page = client.get(reverse("home")).content.decode()
    assert not re.search(r"<(body|main|header|footer)[^>]*(aria-hidden|inert)", page)


def test_banner_script_is_a_static_file_and_nothing_inline(client):
    """The banner's script is served from static files; no inline script."""
    page = client.get(reverse("home")).content.decode()
    assert finders.find("js/consent.js")
    assert re.search(r'<script src="/static/js/consent\.js" defer></script>', page)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_no_cookie_wall(client):
    """C1.13: with the banner unanswered the page content is all there."""
    response = client.get(reverse("consent:cookies"))
    assert banner(response) is not None
    assert "<h1>" in response.content.decode() and 'id="installningar"' in response.content.decode()


@pytest.mark.parametrize("url_name", ["consent:reject-all", "consent:accept-all"])
def test_banner_gone_after_a_choice(client, url_name):
    """C1.8: after either choice the next page has no banner."""
    post_choice(client, url_name, {"next": "/"})
    assert banner(client.get(reverse("news:index"))) is None


@override_settings(**STATISTICS_ON)
def test_statistics_only_after_accepting(client):
    """Statistics script: absent before a choice and after rejecting, present after accepting."""
    assert b"js/statistics.js" not in client.get(reverse("home")).content
    post_choice(client, "consent:reject-all")
    assert b"js/statistics.js" not in client.get(reverse("home")).content
    post_choice(client, "consent:accept-all")
    page = client.get(reverse("home")).content.decode()
    assert 'data-tracker-url="https://matomo.example.se/" data-site-id="3"' in page
    assert finders.find("js/statistics.js")


def test_statistics_off_by_default(client):
    """Without STATISTICS_* settings nothing is tracked, even with consent."""
    give_consent(client, registry.OPTIONAL_KEYS)
    assert b"js/statistics.js" not in client.get(reverse("home")).content


def test_cookie_page_explains_and_lists_every_cookie_in_use(client):
    """/cookies/: what cookies are, and each cookie with purpose, duration and party."""
    with override_settings(**STATISTICS_ON, RECAPTCHA_ENABLED=True):
        page = client.get(reverse("consent:cookies")).content.decode()
        entries = registry.cookies()
    assert "Vad är kakor?" in page
    for entry in entries:
        assert f"<code>{entry.display_name}</code>" in page
        assert str(entry.purpose).replace("'", "&#x27;") in page
    assert "Tredje part" in page and "Första part (den här webbplatsen)" in page
    assert "Lokal lagring" in page


def test_cookie_page_lists_only_integrations_switched_on(client):
    """Matomo and reCAPTCHA are listed only when they are configured."""
    page = client.get(reverse("consent:cookies")).content.decode()
    assert "_pk_id" not in page and "_GRECAPTCHA" not in page
    assert page.count("Inga kakor i den här kategorin används just nu.") == 2


def checkboxes(page):
    """``{id: attributes}`` of the checkboxes in the settings form."""
    form = re.search(r'<form[^>]*id="installningar".*?</form>', page, re.S).group(0)
    return {
        re.search(r'id="([^"]+)"', tag).group(1): tag
        for tag in re.findall(r'<input[^>]*type="checkbox"[^>]*>', form)
    }


def test_settings_form_has_nothing_pre_ticked(client):
    """C1.6: no optional box is ticked; "Nödvändiga" is on and disabled."""
    boxes = checkboxes(client.get(reverse("consent:cookies")).content.decode())
    assert set(boxes) == {"id_nodvandiga", "id_statistik", "id_externa"}
    assert "checked" in boxes["id_nodvandiga"] and "disabled" in boxes["id_nodvandiga"]
    assert "checked" not in boxes["id_statistik"] and "checked" not in boxes["id_externa"]


def test_settings_form_shows_the_current_choice(client):
    """After accepting statistics, its box is ticked and the choice is described."""
    response = post_choice(
        client, "consent:save", {"statistik": "on", "next": "/cookies/?sparat=1"}
    )
    page = client.get(response["Location"]).content.decode()
    boxes = checkboxes(page)
    assert "checked" in boxes["id_statistik"] and "checked" not in boxes["id_externa"]
    consent = response.wsgi_request.consent
    assert consent.display_id in page
    assert "Ditt val är sparat." in page
    assert "Nödvändiga, Statistik" in page


def test_withdrawing_on_cookie_page(client):
    """C1.10: one action on /cookies/ withdraws consent and stops statistics."""
    give_consent(client, registry.OPTIONAL_KEYS)
    page = client.get(reverse("consent:cookies")).content.decode()
    assert f'formaction="{reverse("consent:reject-all")}"' in page
    post_choice(client, "consent:reject-all")
    with override_settings(**STATISTICS_ON):
        assert b"js/statistics.js" not in client.get(reverse("home")).content


def test_footer_links_to_cookie_settings_on_every_page(client):
    """C1.10: every page links straight to the settings."""
    give_consent(client, ())
    for url_name in PUBLIC_PAGES:
        page = client.get(reverse(url_name)).content.decode()
        assert f'href="{reverse("consent:cookies")}#installningar"' in page


def template_files():
    """Every template file of the project and its apps."""
    for directory in engines["django"].template_dirs:
        yield from (path for path in Path(directory).rglob("*") if path.is_file())


def test_no_implied_consent_wording_anywhere():
    """C1.15: no template or translation says browsing on means consent."""
    sources = [*template_files(), Path(settings.BASE_DIR) / "locale/sv/LC_MESSAGES/django.po"]
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="ignore").lower()
        assert "surfa vidare" not in text, path
        assert "godkänner du att vi använder" not in text, path


def test_cookie_page_is_compressed_though_never_cached(client):
    """/cookies/ is personal (never cached) but still travels gzip-compressed."""
    response = client.get(reverse("consent:cookies"), headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "Accept-Encoding" in response["Vary"]
