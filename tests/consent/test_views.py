"""The consent views: record the choice, go back safely, refuse foreign posts."""

import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

from kkn_portal.consent import registry
from kkn_portal.consent.models import ConsentRecord

from .factories import consent_from, post_choice

pytestmark = pytest.mark.django_db

CHOICES = ["consent:accept-all", "consent:reject-all", "consent:save"]


def test_reject_all_stores_no_optional_category(client):
    """C1.9: "Endast nödvändiga" stores a choice with every optional category off."""
    response = post_choice(client, "consent:reject-all", {"next": "/nyheter/"})
    assert response.status_code == 303
    assert response["Location"] == "/nyheter/"
    consent = consent_from(response)
    assert consent.has_chosen and consent.categories == frozenset()


def test_accept_all_stores_every_optional_category(client):
    """ "Godkänn alla" accepts statistics and external services."""
    consent = consent_from(post_choice(client, "consent:accept-all"))
    assert consent.categories == {"statistik", "externa"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, set()),
        ({"statistik": "on"}, {"statistik"}),
        ({"externa": "on"}, {"externa"}),
        ({"statistik": "on", "externa": "on"}, {"statistik", "externa"}),
        ({"nodvandiga": "", "marknadsforing": "on"}, set()),
    ],
)
def test_save_stores_exactly_the_ticked_categories(client, data, expected):
    """The settings form on /cookies/ stores the ticked categories and nothing else."""
    assert consent_from(post_choice(client, "consent:save", data)).categories == expected


@pytest.mark.parametrize("url_name", CHOICES)
def test_choice_is_recorded_without_ip_or_user_agent(client, url_name):
    """Proof of consent: id, time, version and categories, nothing about the visitor."""
    response = post_choice(
        client, url_name, {"statistik": "on"}, REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Probe/1"
    )
    consent = consent_from(response)
    record = ConsentRecord.objects.get()
    assert record.consent_id.hex == consent.consent_id
    assert record.policy_version == "1"
    assert set(record.categories) == consent.categories
    stored = {field.name for field in ConsentRecord._meta.get_fields()}
    assert stored == {"id", "consent_id", "created_at", "policy_version", "categories"}
    assert "192.0.2.7" not in str(record.__dict__) and "Probe" not in str(record.__dict__)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "nyheter/",
        "/nyheter/\x00",
        "/" + "a" * 3000,
        "",
    ],
)
def test_unsafe_next_goes_to_start_page(client, next_url):
    """No open redirect: anything but a plain local path returns to ``/``."""
    response = post_choice(client, "consent:reject-all", {"next": next_url})
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert response["Location"] == "/"


@pytest.mark.parametrize(
    ("referer", "location"),
    [
        ("http://testserver/nyheter/?bransch=musik&page=2", "/nyheter/?bransch=musik&page=2"),
        ("http://testserver/evenemang/", "/evenemang/"),
        ("https://evil.example/nyheter/", "/"),
        ("http://testserver.evil.example/", "/"),
        ("not a url", "/"),
        ("", "/"),
    ],
)
def test_banner_without_javascript_returns_to_the_page_it_was_on(client, referer, location):
    """The banner names no page: the visitor goes back to the Referer, if it is ours."""
    response = post_choice(client, "consent:reject-all", HTTP_REFERER=referer)
    assert response.status_code == 303
    assert response["Location"] == location


@pytest.mark.parametrize(
    "next_url", ["/nyheter/?bransch=musik&page=2", "/cookies/?sparat=1#ditt-val", "/s%C3%B6k/"]
)
def test_local_next_is_kept(client, next_url):
    """A path on this site, with query and fragment, is where the visitor returns."""
    response = post_choice(client, "consent:accept-all", {"next": next_url})
    assert response["Location"] == next_url


@pytest.mark.parametrize("url_name", CHOICES)
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # other scheme
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_REFERER": "not a url"},
        {},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-site"},
    ],
    ids=[
        "foreign-origin",
        "null-origin",
        "other-scheme",
        "foreign-referer",
        "bad-referer",
        "no-headers",
        "cross-site-fetch",
        "same-site-fetch",
    ],
)
def test_cross_origin_post_is_refused(client, url_name, headers):
    """A forged cross-site post cannot plant consent: 403, no cookie, no record."""
    response = client.post(reverse(url_name), {"statistik": "on"}, **headers)
    assert response.status_code == 403
    assert registry.CONSENT_COOKIE_NAME not in response.cookies
    assert not ConsentRecord.objects.exists()


def test_same_origin_referer_is_enough_without_origin(client):
    """Browsers that send no Origin but a same-site Referer can still choose."""
    response = client.post(
        reverse("consent:accept-all"), {}, HTTP_REFERER="http://testserver/nyheter/"
    )
    assert response.status_code == 303


@override_settings(CSRF_TRUSTED_ORIGINS=["https://*.example.se"], ALLOWED_HOSTS=["testserver"])
def test_trusted_origin_is_accepted(client):
    """Origins listed in CSRF_TRUSTED_ORIGINS (e.g. behind a proxy) may post."""
    response = client.post(reverse("consent:reject-all"), {}, HTTP_ORIGIN="https://kkn.example.se")
    assert response.status_code == 303


def test_consent_views_set_no_csrf_cookie(client):
    """The banner's forms need no CSRF cookie, so pages without a form stay cookie-free."""
    response = post_choice(client, "consent:reject-all")
    assert set(response.cookies) == {registry.CONSENT_COOKIE_NAME}


@pytest.mark.parametrize("url_name", CHOICES)
def test_fetch_from_banner_script_gets_204(client, url_name):
    """The banner's script gets 204 and the cookie, so no page is rendered in vain."""
    response = post_choice(client, url_name, HTTP_X_CONSENT_FETCH="1")
    assert response.status_code == 204
    assert registry.CONSENT_COOKIE_NAME in response.cookies


@pytest.mark.parametrize("url_name", CHOICES)
def test_get_is_not_allowed(client, url_name):
    """A link or prefetch can never record consent."""
    response = client.get(reverse(url_name), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 405
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("url_name", CHOICES)
def test_consent_responses_are_not_cached(client, url_name):
    """A stored choice must never be replayed from a cache to someone else."""
    response = post_choice(client, url_name)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("others", [0, 30])
def test_admin_lists_records_read_only(admin_client, client, django_assert_max_num_queries, others):
    """Staff can look up a consent id in admin but not add or change records."""
    consent = consent_from(post_choice(client, "consent:save", {"statistik": "on"}))
    record = ConsentRecord.objects.get()
    ConsentRecord.objects.bulk_create(
        ConsentRecord(consent_id=uuid.uuid4(), policy_version="1") for _ in range(others)
    )
    with django_assert_max_num_queries(12):
        listing = admin_client.get(reverse("admin:kkn_portal_consentrecord_changelist"))
    assert listing.status_code == 200
    for term in (consent.consent_id, consent.display_id):
        changelist = admin_client.get(
            reverse("admin:kkn_portal_consentrecord_changelist"), {"q": term}
        )
        assert changelist.context["cl"].result_count == 1
        assert consent.display_id in changelist.content.decode()
        assert "Statistik" in changelist.content.decode()
    for term in ("no-such-id", consent.consent_id[:8]):
        changelist = admin_client.get(
            reverse("admin:kkn_portal_consentrecord_changelist"), {"q": term}
        )
        assert changelist.context["cl"].result_count == 0, term
    nul = admin_client.get(reverse("admin:kkn_portal_consentrecord_changelist"), {"q": "\x00"})
    assert nul.status_code < 500
    assert admin_client.get(reverse("admin:kkn_portal_consentrecord_add")).status_code == 403
    change = admin_client.get(reverse("admin:kkn_portal_consentrecord_change", args=[record.pk]))
    assert change.status_code == 200
    assert b'name="policy_version"' not in change.content
