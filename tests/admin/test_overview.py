"""The overview on the admin index: counts, next events, chart, latest changes."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.models import Comment
from tests.admin.factories import grant, make_user
from tests.events.factories import make_event
from tests.feedback.factories import make_comment
from tests.news.factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

_users = itertools.count(1)


@pytest.fixture
def superuser_client(client):
    """A client logged in as a superuser (sees every section)."""
    client.force_login(make_user("chef", is_superuser=True))
    return client


def overview_of(client):
    """GET the admin index; return (response, overview context)."""
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response, response.context["overview"]


def fill(count):
    """``count`` of every kind of thing the overview counts or lists."""
    now = timezone.now()
    for n in range(count):
        make_comment(text=f"Synpunkt {n}")
        make_comment(text=f"Gammal synpunkt {n}", status=Comment.Status.HANDLED)
        make_draft()
        make_scheduled()
        make_article()
        make_event(published=False, start=now + timedelta(days=n + 1))
        make_event(published_at=now + timedelta(days=1), start=now + timedelta(days=n + 2))
        LogEntry.objects.create(
            user=make_user(f"anvandare{next(_users)}"),
            content_type=ContentType.objects.get_for_model(Comment),
            object_id="1",
            object_repr=f"Ändring {n}",
            action_flag=CHANGE,
        )


def test_renders_with_an_empty_database(superuser_client):
    """No content at all: zero counts, twelve empty weeks, no error."""
    response, overview = overview_of(superuser_client)
    assert overview["comments"]["new"] == 0
    assert [bar.count for bar in overview["comments"]["chart"]] == [0] * 12
    assert overview["articles"] == {**overview["articles"], "drafts": 0, "scheduled": 0}
    assert overview["events"]["upcoming"] == []
    html = response.content.decode()
    assert "0 nya kommentarer" in html
    assert "Inga kommande evenemang." in html


def test_counts_and_links(superuser_client):
    """New comments, drafts and scheduled items are counted and link to filtered lists."""
    fill(2)
    _, overview = overview_of(superuser_client)
    assert overview["comments"]["new"] == 2
    assert overview["articles"]["drafts"] == 2 and overview["articles"]["scheduled"] == 2
    assert overview["events"]["drafts"] == 2 and overview["events"]["scheduled"] == 2
    inbox = superuser_client.get(overview["comments"]["new_url"])
    assert inbox.status_code == 200
    assert inbox.context["cl"].result_count == 2
    for section in ("articles", "events"):
        for kind in ("drafts", "scheduled"):
            listing = superuser_client.get(overview[section][f"{kind}_url"])
            assert listing.status_code == 200, (section, kind)
            assert listing.context["cl"].result_count == 2, (section, kind)


def test_next_events_soonest_first_including_unpublished(superuser_client):
    """The next five events (published or not), soonest first."""
    fill(4)
    _, overview = overview_of(superuser_client)
    upcoming = overview["events"]["upcoming"]
    assert len(upcoming) == 5
    assert [event.start for event in upcoming] == sorted(event.start for event in upcoming)


def test_chart_counts_this_weeks_comments(superuser_client):
    """This week's bar carries the comments received this week."""
    fill(3)
    _, overview = overview_of(superuser_client)
    assert overview["comments"]["chart"][-1].count == 6


def test_chart_is_an_accessible_inline_svg(superuser_client):
    """role=img with a title, and the numbers in a visually hidden table; no script."""
    make_comment()
    html = overview_of(superuser_client)[0].content.decode()
    start = html.index('<svg class="kkn-chart__svg"')
    svg = html[start : html.index("</svg>", start)]
    assert 'role="img"' in svg and 'aria-labelledby="overview-chart-title"' in svg
    assert '<title id="overview-chart-title">' in svg
    assert "<script" not in svg
    assert "," not in svg.split("<title")[0]  # unlocalised numbers (no decimal commas)
    assert '<table class="visually-hidden">' in html
    assert '<th scope="col">Vecka</th>' in html


@pytest.mark.parametrize("count", [1, 6])
def test_constant_number_of_queries(superuser_client, django_assert_max_num_queries, count):
    """The same number of queries with a little and with a lot of content."""
    fill(count)
    with django_assert_max_num_queries(16):
        overview_of(superuser_client)


def test_query_count_does_not_grow(superuser_client, django_assert_num_queries):
    """Exactly as many queries for six items of everything as for one."""
    fill(1)
    with CaptureQueriesContext(connection) as few:
        overview_of(superuser_client)
    fill(5)
    with django_assert_num_queries(len(few.captured_queries)):
        overview_of(superuser_client)


def test_sections_follow_permissions(client):
    """Staff who may only read comments see the comment sections, nothing else."""
    reader = grant(make_user("personal"), "feedback.view_comment")
    client.force_login(reader)
    _, overview = overview_of(client)
    assert set(overview) == {"comments", "latest_changes"}


def test_latest_changes_only_about_what_the_user_may_see(client):
    """A comment reader sees changes to comments, not to users or articles."""
    boss = make_user("chef", is_superuser=True)
    for model, text in [(Comment, "Kommentar ändrad"), (type(boss), "Användare ändrad")]:
        LogEntry.objects.create(
            user=boss,
            content_type=ContentType.objects.get_for_model(model),
            object_id=str(boss.pk),
            object_repr=text,
            action_flag=ADDITION,
        )
    client.force_login(grant(make_user("personal"), "feedback.view_comment"))
    reprs = [entry.object_repr for entry in overview_of(client)[1]["latest_changes"]]
    assert reprs == ["Kommentar ändrad"]
