"""The editorial roles from the data migration: exact permissions and what they allow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from feedback.models import Comment
from kkn_portal.roles import EDITOR_GROUP, STAFF_GROUP
from news.models import Article
from tests.admin.factories import make_editor, make_staff, make_user
from tests.feedback.factories import make_comment
from tests.news.factories import make_article, make_draft

pytestmark = pytest.mark.django_db

EDITOR_PERMISSIONS = {
    "events.add_event",
    "events.change_event",
    "events.view_event",
    "events.add_programmeitem",
    "events.change_programmeitem",
    "events.delete_programmeitem",
    "events.view_programmeitem",
    "events.add_venue",
    "events.change_venue",
    "events.view_venue",
    "events.add_organisation",
    "events.change_organisation",
    "events.view_organisation",
    "events.view_registration",
    "events.change_registration",
    "events.export_registration",
    "feedback.change_comment",
    "feedback.view_comment",
    "flatpages.add_flatpage",
    "flatpages.change_flatpage",
    "flatpages.view_flatpage",
    "kkn_portal.add_contact",
    "kkn_portal.change_contact",
    "kkn_portal.view_contact",
    "news.add_article",
    "news.change_article",
    "news.view_article",
    "news.add_articlelink",
    "news.change_articlelink",
    "news.delete_articlelink",
    "news.view_articlelink",
    "previews.add_previewlink",
    "previews.change_previewlink",
    "previews.view_previewlink",
}
STAFF_PERMISSIONS = {"feedback.view_comment", "feedback.export_comment"}
EXPORT = "admin:feedback_comment_export"
RANGE = {"date_from": "2026-01-01", "date_to": "2026-12-31"}


def group_permissions(name):
    """``app_label.codename`` of every permission the group holds."""
    group = Group.objects.get(name=name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_groups_hold_exactly_their_permissions():
    """Redaktör edits content and handles comments; Personal reads and exports comments."""
    assert group_permissions(EDITOR_GROUP) == EDITOR_PERMISSIONS
    assert group_permissions(STAFF_GROUP) == STAFF_PERMISSIONS


def test_no_role_deletes_comments_articles_events_or_touches_users():
    """Deleting content (except inline rows) and any user or group right are superusers' only."""
    for permissions in (EDITOR_PERMISSIONS, STAFF_PERMISSIONS):
        assert not {p for p in permissions if p.startswith("auth.")}
        assert {"feedback.delete_comment", "news.delete_article", "events.delete_event"}.isdisjoint(
            permissions
        )


def test_personal_cannot_edit_an_article(client):
    """A Personal user gets 403 on an article's change form, GET and POST."""
    article = make_article(title="Orörd")
    client.force_login(make_staff())
    url = reverse("admin:news_article_change", args=[article.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Ändrad"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Orörd"


def test_redaktor_cannot_export(client):
    """A Redaktör gets 403 from the export page and no CSV from the export action."""
    comment = make_comment()
    client.force_login(make_editor())
    assert client.get(reverse(EXPORT)).status_code == 403
    assert client.post(reverse(EXPORT), RANGE).status_code == 403
    response = client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "export_selected", "_selected_action": [comment.pk]},
    )
    assert not response.get("Content-Type", "").startswith("text/csv")


def test_personal_can_read_and_export(client):
    """The positive control: Personal opens the inbox and gets the CSV."""
    make_comment()
    client.force_login(make_staff())
    assert client.get(reverse("admin:feedback_comment_changelist")).status_code == 200
    response = client.post(reverse(EXPORT), RANGE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_redaktor_edits_and_publishes_an_article(client):
    """The positive control: a Redaktör publishes a draft with the admin action."""
    draft = make_draft()
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED


def test_redaktor_handles_comments_but_cannot_delete_them(client):
    """A Redaktör may mark a comment handled; the delete page is 403."""
    comment = make_comment()
    client.force_login(make_editor())
    client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "mark_handled", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HANDLED
    delete = reverse("admin:feedback_comment_delete", args=[comment.pk])
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_only_superusers_delete_comments(client):
    """A superuser may delete a comment (public records are purged by the command)."""
    comment = make_comment()
    client.force_login(make_user("chef", is_superuser=True))
    delete = reverse("admin:feedback_comment_delete", args=[comment.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.parametrize("make", [make_editor, make_staff], ids=["redaktor", "personal"])
def test_roles_cannot_see_or_change_users(client, make):
    """Neither role can list, open or change user accounts or groups."""
    user = make()
    other = make_user("annan")
    client.force_login(user)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    change = reverse("admin:auth_user_change", args=[other.pk])
    assert client.post(change, {"username": "kapad", "is_superuser": "on"}).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert get_user_model().objects.get(pk=other.pk).username == "annan"


@pytest.mark.parametrize(
    ("make", "visible", "hidden"),
    [
        (make_editor, ["news_article", "events_event", "feedback_comment"], ["auth_user"]),
        (make_staff, ["feedback_comment"], ["news_article", "events_event", "auth_user"]),
    ],
    ids=["redaktor", "personal"],
)
def test_admin_index_shows_what_the_role_may_use(client, make, visible, hidden):
    """The app list on the index shows each role only its own models."""
    client.force_login(make())
    html = client.get(reverse("admin:index")).content.decode()
    for name in visible:
        assert reverse(f"admin:{name}_changelist") in html
    for name in hidden:
        assert reverse(f"admin:{name}_changelist") not in html
