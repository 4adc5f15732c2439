"""ConsentMiddleware: unconsented and unknown cookies never leave the server."""

import logging

import pytest
from django.test import override_settings
from django.urls import reverse

from kkn_portal.consent import registry

from .factories import give_consent, post_choice

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.consent.urls")]


def set_cookie_url(name):
    """The test view that tries to set a cookie called ``name``."""
    return reverse("test-cookie", kwargs={"name": name})


@pytest.mark.parametrize("name", ["_pk_id.1.abcd", "_pk_ses.1.abcd", "_GRECAPTCHA"])
def test_optional_cookie_without_consent_is_stripped(client, name):
    """A view that sets an optional cookie before any choice has it removed."""
    response = client.get(set_cookie_url(name))
    assert name not in response.cookies


def test_optional_cookie_after_reject_is_stripped(client):
    """ "Endast nödvändiga" keeps statistics cookies out."""
    give_consent(client, ())
    assert "_pk_id.1.abcd" not in client.get(set_cookie_url("_pk_id.1.abcd")).cookies


def test_optional_cookie_of_other_category_is_stripped(client):
    """Accepting statistics does not let external services' cookies through."""
    give_consent(client, {"statistik"})
    assert "_GRECAPTCHA" not in client.get(set_cookie_url("_GRECAPTCHA")).cookies


def test_optional_cookie_with_consent_passes(client):
    """With ``statistik`` accepted, a statistics cookie is set."""
    give_consent(client, {"statistik"})
    assert "_pk_id.1.abcd" in client.get(set_cookie_url("_pk_id.1.abcd")).cookies


def test_unknown_cookie_is_stripped_and_logged(client, caplog):
    """A cookie missing from the registry never leaves, even with full consent."""
    give_consent(client, registry.OPTIONAL_KEYS)
    with caplog.at_level(logging.WARNING, logger="kkn_portal.consent.middleware"):
        response = client.get(set_cookie_url("tracker"))
    assert "tracker" not in response.cookies
    assert any("'tracker'" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("name", ["csrftoken", "sessionid", registry.CONSENT_COOKIE_NAME])
def test_necessary_cookie_passes_without_consent(client, name):
    """Strictly necessary cookies need no consent."""
    assert name in client.get(set_cookie_url(name)).cookies


@override_settings(CSRF_COOKIE_NAME="__Host-csrftoken", SESSION_COOKIE_NAME="__Host-sessionid")
@pytest.mark.parametrize("name", ["__Host-csrftoken", "__Host-sessionid"])
def test_host_prefixed_names_are_necessary(client, name):
    """Over HTTPS the CSRF and session cookies have ``__Host-`` names; they pass too."""
    assert name in client.get(set_cookie_url(name)).cookies


def test_carried_optional_cookie_is_deleted_without_consent(client):
    """An optional cookie the browser still sends without consent is expired."""
    client.cookies["_pk_id.1.abcd"] = "old"
    morsel = client.get(reverse("home")).cookies["_pk_id.1.abcd"]
    assert morsel["max-age"] == 0 and morsel.value == ""


def test_carried_unknown_cookie_is_left_alone(client):
    """Cookies of other sites on the same domain are not ours to delete."""
    client.cookies["someone_else"] = "x"
    assert "someone_else" not in client.get(reverse("home")).cookies


def test_reject_after_accept_deletes_optional_cookies(client):
    """C1.9: rejecting deletes the statistics cookies set earlier (Max-Age=0)."""
    give_consent(client, registry.OPTIONAL_KEYS)
    client.cookies["_pk_id.1.abcd"] = "visitor"
    client.cookies["_pk_ses.1.abcd"] = "1"
    response = post_choice(client, "consent:reject-all")
    for name in ("_pk_id.1.abcd", "_pk_ses.1.abcd"):
        assert response.cookies[name]["max-age"] == 0
        assert response.cookies[name]["path"] == "/"
    assert registry.CONSENT_COOKIE_NAME in response.cookies


def test_narrowing_the_choice_deletes_only_withdrawn_categories(client):
    """Unticking statistics deletes its cookies; nothing else is touched."""
    give_consent(client, registry.OPTIONAL_KEYS)
    client.cookies["_pk_id.1.abcd"] = "visitor"
    client.cookies["csrftoken"] = "a" * 32  # well-formed, so Django keeps it
    response = post_choice(client, "consent:save", {"externa": "on"})
    assert response.cookies["_pk_id.1.abcd"]["max-age"] == 0
    assert "csrftoken" not in response.cookies


def test_accepting_keeps_carried_optional_cookies(client):
    """Accepting all does not delete the cookies it just allowed."""
    client.cookies["_pk_id.1.abcd"] = "visitor"
    response = post_choice(client, "consent:accept-all")
    assert "_pk_id.1.abcd" not in response.cookies


@pytest.mark.parametrize("url_name", ["home", "consent:cookies"])
def test_html_pages_vary_on_cookie(client, url_name):
    """Caches must not mix pages for visitors with and without a choice."""
    response = client.get(reverse(url_name))
    assert "Cookie" in [part.strip() for part in response["Vary"].split(",")]


def test_middleware_does_no_database_work(client, django_assert_num_queries):
    """STYLE 17: reading consent and filtering cookies takes no query."""
    give_consent(client, {"statistik"})
    client.cookies["_pk_id.1.abcd"] = "visitor"
    with django_assert_num_queries(0):
        client.get(set_cookie_url("tracker"))
