"""/healthz, the static 503 during a database outage, recovery, and the 500 page."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import OperationalError, ProgrammingError
from django.test import RequestFactory
from django.urls import reverse

from kkn_portal import views

from .conftest import database_down

SWEDISH_503 = "Webbplatsen är tillfälligt otillgänglig"
SWEDISH_500 = "Något gick fel"


@pytest.fixture
def seeded(db):
    """The demo flatpages, so /tillganglighet/ queries the database."""
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def staff_client(client, db):
    """A logged-in editor: every request loads a session and a user."""
    user = get_user_model().objects.create_user(
        "redaktor", "redaktor@example.se", "a-long-test-password", is_staff=True
    )
    client.force_login(user)
    client.raise_request_exception = False
    return client


def assert_static_503(response):
    """The outage page: 503, Retry-After, no caching, no cookie, Swedish."""
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert SWEDISH_503 in html
    assert "mailto:webbredaktionen@example.se" in html  # a way to reach a person


def test_healthz_ok(client, db):
    """With the database answering: 200 JSON, never cached, no cookie."""
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "up", "cache": "up"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize("error", ["OperationalError", "InterfaceError"])
def test_healthz_reports_an_unreachable_database(client, db, error):
    """With the database gone: 503 JSON with Retry-After, still no cookie."""
    with database_down(error):
        response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert int(response["Retry-After"]) > 0
    assert not response.cookies


def test_healthz_runs_one_query(client, db, django_assert_num_queries):
    """A probe every few seconds costs exactly one SELECT 1."""
    with django_assert_num_queries(1):
        client.get(reverse("health"))


@pytest.mark.parametrize("error", ["OperationalError", "InterfaceError"])
def test_outage_in_a_view_gives_static_503(client, seeded, error):
    """A view whose query fails answers the static 503, not a 500 (C6.2)."""
    client.raise_request_exception = False
    with database_down(error, tables=["django_flatpage"]):
        response = client.get(reverse("accessibility"))
    assert_static_503(response)


@pytest.mark.parametrize(
    ("tables", "path"),
    [
        (["django_session"], "/"),
        (["django_session"], "/admin/"),
        (["auth_user"], "/admin/"),
        (["django_session"], "/finns-inte/"),
        (None, "/tillganglighet/"),
        (None, "/admin/"),
    ],
    ids=["session-home", "session-admin", "auth-admin", "session-404", "all-flatpage", "all-admin"],
)
def test_outage_anywhere_gives_static_503(staff_client, seeded, tables, path):
    """Session load, user lookup or view query: any lost connection is a 503."""
    with database_down(tables=tables):
        response = staff_client.get(path)
    assert_static_503(response)


def test_outage_logs_the_error(staff_client, seeded):
    """The outage is not hidden: django.request logs it with its traceback."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        with database_down():
            staff_client.get("/admin/")
    finally:
        logger.removeHandler(handler)
    assert records
    assert {record.status_code for record in records} == {503}
    assert all(record.exc_info[0] is OperationalError for record in records)


def test_site_recovers_after_the_outage(staff_client, seeded):
    """The first request after the database returns is served normally."""
    url = reverse("accessibility")
    with database_down():
        assert staff_client.get(url).status_code == 503
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in response.content.decode()
    assert staff_client.get(reverse("health")).status_code == 200


def test_bug_gives_static_500_not_503(client, db, monkeypatch):
    """An ordinary exception still gets the Swedish 500 page."""

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.HomeView, "get", broken)
    client.raise_request_exception = False
    response = client.get(reverse("home"))
    assert response.status_code == 500
    assert SWEDISH_500 in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "Retry-After" not in response


def test_sql_bug_is_a_500_not_an_outage(client, db, monkeypatch):
    """A ProgrammingError (e.g. a missing migration) is a bug, not an outage."""

    def broken(*args, **kwargs):
        raise ProgrammingError("no such table")

    monkeypatch.setattr(views.HomeView, "get", broken)
    client.raise_request_exception = False
    assert client.get(reverse("home")).status_code == 500


def test_outage_wrapped_in_another_error_is_still_an_outage():
    """A library that re-raises a lost connection as its own error still gives 503."""
    try:
        try:
            raise OperationalError("server closed the connection")
        except OperationalError as error:
            raise RuntimeError("could not load") from error
    except RuntimeError:
        response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 503


def test_500_page_renders_without_the_database():
    """No ``db`` fixture: any query would fail the test, yet the page renders."""
    try:
        raise ValueError("boom")
    except ValueError:
        response = views.server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sv">' in html
    assert SWEDISH_500 in html


def test_503_page_renders_without_the_database():
    """The outage page itself never touches the database."""
    response = views.service_unavailable()
    assert response.status_code == 503
    assert SWEDISH_503 in response.content.decode()
