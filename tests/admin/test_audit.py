"""Every publish, unpublish, cancel, export and purge is in the admin log, with its user."""

import datetime
import io

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from feedback.models import Comment
from news.models import Article
from tests.admin.factories import make_editor, make_staff, make_user
from tests.events.factories import make_event
from tests.feedback.factories import make_comment
from tests.news.factories import make_article, make_draft

pytestmark = pytest.mark.django_db


def entries_for(obj):
    """Admin-log entries about one object, oldest first."""
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("pk")


def run_action(client, model_name, action, *objects):
    """POST an admin list action on ``objects``."""
    response = client.post(
        reverse(f"admin:{model_name}_changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
    )
    assert response.status_code == 302, response.content[:500]


@pytest.mark.parametrize(
    ("make", "action"),
    [(make_draft, "publish_now"), (make_article, "unpublish")],
)
def test_article_actions_are_logged(client, make, action):
    """Publishing and unpublishing an article from the list is logged with the editor."""
    editor = make_editor()
    article = make()
    client.force_login(editor)
    run_action(client, "news_article", action, article)
    entry = entries_for(article).get()
    assert entry.user == editor and entry.action_flag == CHANGE
    assert "status" in entry.get_change_message()


def test_publishing_through_the_change_form_is_logged(client):
    """Saving a draft as published is a logged change of the status field."""
    editor = make_editor()
    article = make_draft()
    client.force_login(editor)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "status": Article.Status.PUBLISHED,
        "published_at_0": timezone.localdate().isoformat(),
        "published_at_1": "00:00:00",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = entries_for(article).get()
    assert entry.user == editor
    assert "status" in entry.get_change_message().lower()
    article.refresh_from_db()
    assert article.last_modified_by == editor


@pytest.mark.parametrize("action", ["publish_now", "unpublish", "cancel"])
def test_event_actions_are_logged(client, action):
    """Publishing, unpublishing and cancelling events are logged with the editor."""
    editor = make_editor()
    event = make_event(published=action != "publish_now")
    client.force_login(editor)
    run_action(client, "events_event", action, event)
    entry = entries_for(event).get()
    assert entry.user == editor and entry.action_flag == CHANGE
    event.refresh_from_db()
    assert event.last_modified_by == editor
    if action == "cancel":
        assert event.event_status == Event.EventStatus.CANCELLED


def comment_log():
    """Admin-log entries about comments as a whole (exports, purges)."""
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=None
    )


def test_export_page_and_action_are_logged(client):
    """Both admin exports leave an entry with the staff member and the count."""
    staff = make_staff()
    comment = make_comment()
    client.force_login(staff)
    client.post(
        reverse("admin:feedback_comment_export"),
        {"date_from": "2000-01-01", "date_to": "2100-12-31"},
    )
    run_export = client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "export_selected", "_selected_action": [comment.pk]},
    )
    assert run_export["Content-Type"].startswith("text/csv")
    entries = list(comment_log())
    assert len(entries) == 2
    assert {entry.user for entry in entries} == {staff}
    assert all("1 kommentar" in entry.change_message for entry in entries)


def test_export_command_is_logged_with_the_given_user(tmp_path):
    """``export_feedback --user`` records the shell export under that staff member."""
    staff = make_staff()
    make_comment()
    today = timezone.localdate().isoformat()
    call_command(
        "export_feedback",
        "--from",
        today,
        "--to",
        today,
        "-o",
        str(tmp_path / "ut.csv"),
        "--user",
        staff.username,
        stdout=io.StringIO(),
    )
    entry = comment_log().get()
    assert entry.user == staff and "1 kommentar" in entry.change_message


def test_purge_command_is_logged_with_the_given_user(settings):
    """``purge_feedback --user`` records the count and the decision under that user."""
    settings.FEEDBACK_RETENTION_DAYS = 30
    settings.FEEDBACK_RETENTION_DECISION = "RN 2026/123"
    admin_user = make_user("arkiv")
    old = timezone.now() - datetime.timedelta(days=40)
    make_comment(status=Comment.Status.HANDLED, created_at=old)
    call_command("purge_feedback", "--user", "arkiv", stdout=io.StringIO())
    entry = comment_log().get()
    assert entry.user == admin_user
    assert entry.object_repr == "Gallring"
    assert "1" in entry.change_message and "RN 2026/123" in entry.change_message
    assert not Comment.objects.exists()


@pytest.mark.parametrize("command", ["purge_feedback", "export_feedback"])
def test_unknown_or_non_staff_user_is_refused(command):
    """--user must name an active staff account; nothing runs otherwise."""
    make_user("besokare", is_staff=False)
    make_comment(status=Comment.Status.HANDLED)
    args = ["--from", "2026-01-01", "--to", "2026-01-02"] if command == "export_feedback" else []
    for username in ("finns-inte", "besokare"):
        with pytest.raises(CommandError):
            call_command(command, *args, "--user", username, stdout=io.StringIO())
    assert not comment_log().exists()
