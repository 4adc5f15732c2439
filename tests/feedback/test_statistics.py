"""The editors' statistics of "Hjälpte informationen dig?": worst first, chart, CSV, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.models import HelpfulnessCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def stats_url():
    return reverse("admin:feedback_comment_statistics")


@pytest.fixture
def editor_client(client, editor):
    """An editor (views and handles comments) logged in."""
    client.force_login(editor)
    return client


def count(path, yes, no, title=None, days_ago=0):
    """Store one day's counts for ``path``."""
    return HelpfulnessCount.objects.create(
        page_path=path,
        page_title=title or path,
        day=timezone.localdate() - datetime.timedelta(days=days_ago),
        yes=yes,
        no=no,
    )


def test_pages_are_listed_worst_first_with_links(editor_client, stats_url):
    """Lowest share of yes first; each row links to the page and its comments."""
    count("/", 9, 1, "Start")
    count("/nyheter/", 1, 3, "Nyheter")
    count("/nyheter/", 1, 0, "Nyheter", days_ago=3)
    count("/evenemang/", 0, 5, "Evenemang")
    response = editor_client.get(stats_url)
    assert response.status_code == 200
    rows = [
        (r["page_path"], r["yes_total"], r["no_total"], r["share_text"])
        for r in response.context["rows"]
    ]
    assert rows == [
        ("/evenemang/", 0, 5, "0 %"),
        ("/nyheter/", 2, 3, "40 %"),
        ("/", 9, 1, "90 %"),
    ]
    html = response.content.decode()
    assert '<a href="/nyheter/">Nyheter</a>' in html
    assert "page_path__exact=%2Fnyheter%2F" in html


def test_the_period_decides_what_counts(editor_client, stats_url):
    """Only days inside the chosen period are summed; a reversed period is a form error."""
    count("/", 1, 0, days_ago=0)
    count("/", 0, 4, days_ago=40)
    today = timezone.localdate()
    recent = editor_client.get(
        stats_url, {"date_from": today - datetime.timedelta(days=7), "date_to": today}
    )
    [row] = recent.context["rows"]
    assert (row["yes_total"], row["no_total"]) == (1, 0)
    wrong = editor_client.get(
        stats_url, {"date_from": today, "date_to": today - datetime.timedelta(days=1)}
    )
    assert wrong.status_code == 400


def test_weekly_chart_stacks_yes_and_no(editor_client, stats_url):
    """One bar per week of the period; this week's bar holds its yes and no."""
    count("/", 3, 1)
    chart = editor_client.get(stats_url).context["chart"]
    assert len(chart) in (12, 13)
    this_week = chart[-1]
    assert (this_week.yes, this_week.no, this_week.bar.count) == (3, 1, 4)
    assert this_week.no_height == pytest.approx(this_week.bar.height / 4, abs=0.1)


def test_csv_is_safe_for_spreadsheets(editor_client, stats_url):
    """The CSV has the BOM, every field quoted, and a title starting with = neutralised."""
    count("/", 1, 1, '=HYPERLINK("http://evil.example")')
    response = editor_client.get(stats_url, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert "\"'=HYPERLINK" in body
    assert '"http://testserver/";"1";"1";"50 %"' in body


def test_only_staff_who_read_comments_see_it(client, stats_url, django_user_model):
    """Anonymous: to the login page; staff without the permission: 403."""
    assert client.get(stats_url).status_code == 302
    client.force_login(django_user_model.objects.create_user("x", password="pw", is_staff=True))
    assert client.get(stats_url).status_code == 403


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_constant_number_of_queries(editor_client, stats_url):
    """3 pages or 60 pages over many days: the same number of queries."""
    for n in range(3):
        count(f"/sida-{n}/", n, 1, days_ago=n)
    few = _queries(editor_client, stats_url)
    for n in range(3, 60):
        count(f"/sida-{n}/", n, 2, days_ago=n % 70)
        count(f"/sida-{n}/", 1, 1, days_ago=(n + 5) % 70)
    many = _queries(editor_client, stats_url)
    assert few == many


def test_overview_has_one_line_with_the_last_30_days(editor_client):
    """The admin overview says yes, no and the share, linking to the statistics."""
    count("/", 3, 1)
    count("/", 100, 0, days_ago=45)
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "de senaste 30 dagarna: 3 ja, 1 nej" in html
    assert "(75 % ja)" in html
    assert reverse("admin:feedback_comment_statistics") in html
