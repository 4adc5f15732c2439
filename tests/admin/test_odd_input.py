"""No staff URL or command answers 500 for an odd filter, date or character (fuzzed)."""

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from tests.events.factories import make_event
from tests.feedback.factories import make_comment
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

CALENDAR_ENDS = ("0001-01-01", "9999-12-31")


def changelists():
    """Every registered model's changelist address, with its date and text fields."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        dates = [f.name for f in opts.fields if isinstance(f, (models.DateField,))]
        texts = [f.name for f in opts.fields if isinstance(f, (models.CharField, models.TextField))]
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield pytest.param(url, dates, texts, model_admin.date_hierarchy, id=opts.label)


def odd_queries(dates, texts, hierarchy):
    """Filters an editor could paste, a crawler could guess or a typo could make."""
    yield {"status": "\x00"}
    yield {"q": "\x00"}
    yield {"publicering": "\x00"}
    yield {"status__exact": "okänd"}
    yield {"o": "999"}
    yield {"o": "x.-"}
    yield {"p": "-1"}
    yield {"p": "x"}
    yield {"e": "1"}
    yield {"id__in": "1,x"}
    yield {"pk": "x"}
    yield {"no_such_field": "1"}
    for name in texts[:2]:
        yield {name: "\x00"}
    for name in dates:
        for end in CALENDAR_ENDS:
            yield {f"{name}__gte": end}
            yield {f"{name}__lt": end}
        yield {f"{name}__gte": "31.12.2026"}
        yield {f"{name}__year": "0"}
    if hierarchy:
        yield {f"{hierarchy}__year": "9999"}
        yield {f"{hierarchy}__year": "9999", f"{hierarchy}__month": "12"}
        yield {f"{hierarchy}__year": "9999", f"{hierarchy}__month": "12", f"{hierarchy}__day": "31"}
        yield {f"{hierarchy}__year": "2026", f"{hierarchy}__month": "13"}
        yield {f"{hierarchy}__year": "99999999999999999999"}


@pytest.fixture
def content():
    """One row of each kind the editors list, so filters meet real rows."""
    make_article()
    make_event()
    make_comment()


# Django's date filters turn the calendar's ends into naive datetimes and warn:
# expected for these inputs, and the answer is still a page.
@pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime:RuntimeWarning")
@pytest.mark.parametrize(("url", "dates", "texts", "hierarchy"), list(changelists()))
def test_changelists_never_answer_500(admin_client, content, url, dates, texts, hierarchy):
    """Every changelist answers odd filters with a page or a redirect, never an error."""
    for query in odd_queries(dates, texts, hierarchy):
        response = admin_client.get(url, query, follow=True)
        assert response.status_code < 500, (url, query)
        assert response.status_code in (200, 400, 403, 404), (url, query)


def test_nul_in_a_filter_is_dropped_with_a_message(admin_client):
    """``?status=%00`` on the article list: the list without it, and a Swedish note."""
    url = reverse("admin:news_article_changelist")
    response = admin_client.get(url, {"status": "\x00", "publicering": "utkast"}, follow=True)
    assert response.redirect_chain == [(f"{url}?publicering=utkast", 302)]
    assert "Ett stycke av adressen hade tecken som inte kan användas" in response.content.decode()


def test_a_date_beyond_the_calendar_is_explained(admin_client, content):
    """The last day of the calendar in the date navigation gives a plain Swedish page."""
    url = reverse("admin:events_event_changelist")
    query = {"start__year": "9999", "start__month": "12", "start__day": "31"}
    response = admin_client.get(url, query, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filtret i adressen kunde inte användas; hela listan visas." in page


@pytest.mark.parametrize(("first", "last"), [CALENDAR_ENDS, ("9999-12-31", "9999-12-31")])
def test_admin_export_takes_any_date(admin_client, first, last):
    """The export form accepts the ends of the calendar and streams the CSV."""
    make_comment(text="Med i exporten")
    response = admin_client.post(
        reverse("admin:feedback_comment_export"), {"date_from": first, "date_to": last}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert ("Med i exporten" in body) is (first == "0001-01-01")


@pytest.mark.parametrize(("first", "last"), [CALENDAR_ENDS, ("0001-01-01", "0001-01-01")])
def test_export_command_takes_any_date(first, last):
    """``export_feedback`` with the ends of the calendar writes a CSV, not a traceback."""
    make_comment(text="Med i exporten")
    out = io.StringIO()
    call_command("export_feedback", "--from", first, "--to", last, "-o", "/dev/null", stdout=out)
    assert ("1 " in out.getvalue()) is (last == "9999-12-31")
