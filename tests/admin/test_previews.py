"""Shared previews: one draft, to anyone with the link, until it expires or is revoked."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone

from kkn_portal.previews.models import PreviewLink
from tests.admin.factories import grant, make_user
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

SHARE_PERMS = ("news.change_article", "events.change_event", "previews.add_previewlink")


@pytest.fixture
def editor():
    """A staff user who may change articles and events and share previews."""
    return grant(make_user(), *SHARE_PERMS)


def share_url(obj):
    """The admin's "Dela förhandsvisning" page for an article or event."""
    kind = "article" if obj._meta.model_name == "article" else "event"
    return reverse("admin:previews_previewlink_share", args=[kind, obj.pk])


def shared_path(response):
    """The preview path shown on the share page after creating a link."""
    match = re.search(
        r'value="http://testserver(/forhandsvisning/[^"]+)"', response.content.decode()
    )
    assert match, "no link on the page"
    return match.group(1)


def test_shared_link_names_site_url_not_the_admins_host(client, editor, settings):
    """An editor on an internal host name still hands out the public address."""
    settings.ALLOWED_HOSTS = ["testserver", "admin.internal"]
    settings.SITE_URL = "https://kkn.example.se"
    client.force_login(editor)
    response = client.post(share_url(make_draft()), {"days": 7}, HTTP_HOST="admin.internal")
    link = PreviewLink.objects.get()
    assert f'value="https://kkn.example.se{link.get_absolute_url()}"' in response.content.decode()
    assert "admin.internal" not in response.content.decode().split("<main", 1)[-1]


def test_editor_shares_a_draft_for_the_default_seven_days(client, editor):
    """The form suggests 7 days; posting creates one link bound to the article, logged."""
    draft = make_draft(title="Hemligt utkast")
    client.force_login(editor)
    form = client.get(share_url(draft))
    assert form.status_code == 200
    assert form.context["form"]["days"].value() == 7
    response = client.post(share_url(draft), {"days": 7})
    assert response.status_code == 200
    link = PreviewLink.objects.get()
    assert link.article == draft and link.event is None and link.created_by == editor
    assert link.expires_at - link.created_at == timedelta(days=7)
    assert shared_path(response) == link.get_absolute_url()
    assert LogEntry.objects.filter(action_flag=ADDITION, object_id=str(link.pk)).exists()
    logged = LogEntry.objects.get(action_flag=CHANGE, object_id=str(draft.pk))
    assert logged.user == editor and "Delade en förhandsvisning" in logged.change_message


def test_anonymous_reviewer_sees_the_draft_with_banner_and_noindex(client, editor):
    """The link shows the real article page, marked as a preview, never cached or indexed."""
    draft = make_draft(title="Hemligt utkast", body="<p>Det <strong>nya</strong> programmet.</p>")
    link = PreviewLink.create_for(draft, editor)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hemligt utkast" in html and "<strong>nya</strong>" in html
    assert "preview-banner" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "news/article_detail.html" in [t.name for t in response.templates]
    # No comment form: it would store the secret address with the comment.
    form_action = f'action="{reverse("feedback:post")}"'
    assert form_action not in html
    assert form_action in client.get(make_article().get_absolute_url()).content.decode()


def test_shared_event_preview(client, editor):
    """An unpublished event is shown the same way through its link."""
    event = make_event(title="Hemlig konferens", published=False)
    link = PreviewLink.create_for(event, editor, days=2)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert "Hemlig konferens" in response.content.decode()
    assert "events/event_detail.html" in [t.name for t in response.templates]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_link_dies_when_it_expires(client, editor):
    """The link works up to its expiry and is a 404 from then on."""
    draft = make_draft(title="Hemligt utkast")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        link = PreviewLink.create_for(draft, editor, days=3)
        traveller.shift(timedelta(days=3) - timedelta(seconds=1))
        assert client.get(link.get_absolute_url()).status_code == 200
        traveller.shift(timedelta(seconds=1))
        assert client.get(link.get_absolute_url()).status_code == 404


def test_revoked_link_is_a_404_and_the_revocation_is_logged(client, editor):
    """The admin's revoke action ends the link at once, with a log entry by the user."""
    draft = make_draft()
    link = PreviewLink.create_for(draft, editor)
    editor = grant(editor, "previews.change_previewlink", "previews.view_previewlink")
    client.force_login(editor)
    response = client.post(
        reverse("admin:previews_previewlink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert LogEntry.objects.filter(user=editor, action_flag=CHANGE, object_id=str(link.pk)).exists()
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 404


def test_link_never_shows_another_draft(client, editor):
    """A token is bound to its object: tampering or reusing it reaches nothing else."""
    first = make_draft(title="Första utkastet")
    second = make_draft(title="Andra utkastet")
    link = PreviewLink.create_for(first, editor)
    html = client.get(link.get_absolute_url()).content.decode()
    assert "Första utkastet" in html and "Andra utkastet" not in html
    _, signature = link.token.split(":", 1)
    # The first link's signature with the second link's id does not verify.
    other_link = PreviewLink.create_for(second, editor)
    forged = reverse("previews:show", kwargs={"token": f"{other_link.pk}:{signature}"})
    assert client.get(forged).status_code == 404
    # The draft's public address stays closed to the reviewer.
    assert client.get(first.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1", "1:", ":abc", "x" * 500, "1:abc\x00", "-1:abc", "%00"],
)
def test_bad_tokens_are_404_not_500(client, token):
    """Garbage, truncated, NUL and huge tokens answer 404."""
    assert client.get(f"/forhandsvisning/{token}/").status_code == 404


def test_related_drafts_stay_hidden_on_a_shared_event(client, editor):
    """A shared event shows its published related news, never a related draft."""
    hidden = make_draft(title="Utkast som hör till")
    shown = make_article(title="Publicerad nyhet")
    event = make_event(published=False, articles=[hidden, shown])
    html = client.get(PreviewLink.create_for(event, editor).get_absolute_url()).content.decode()
    assert "Publicerad nyhet" in html
    assert "Utkast som hör till" not in html


def test_preview_page_query_count_is_constant(client, editor, django_assert_max_num_queries):
    """The shared preview page runs a bounded number of queries."""
    draft = make_draft()
    link = PreviewLink.create_for(draft, editor)
    with django_assert_max_num_queries(12):
        assert client.get(link.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("days", ["0", "31", "sju", "", "7\x00"])
def test_share_form_refuses_bad_days(client, editor, days):
    """Days outside 1–30 or not a number re-show the form with an error."""
    client.force_login(editor)
    response = client.post(share_url(make_draft()), {"days": days})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not PreviewLink.objects.exists()


def test_share_needs_the_change_and_add_permissions(client):
    """Staff without the right to change the article (or add links) get 403."""
    draft = make_draft()
    reader = grant(make_user("personal"), "news.view_article", "previews.add_previewlink")
    client.force_login(reader)
    assert client.get(share_url(draft)).status_code == 403
    no_links = grant(make_user("skribent"), "news.change_article")
    client.force_login(no_links)
    assert client.post(share_url(draft), {"days": 7}).status_code == 403
    assert not PreviewLink.objects.exists()


def test_share_of_unknown_things_is_404(client, editor):
    """An unknown kind or object id is a 404."""
    client.force_login(editor)
    assert (
        client.get(reverse("admin:previews_previewlink_share", args=["user", 1])).status_code == 404
    )
    assert (
        client.get(reverse("admin:previews_previewlink_share", args=["article", 999])).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("make", "shown"),
    [(make_draft, True), (make_scheduled, True), (make_article, False)],
    ids=["draft", "scheduled", "live"],
)
def test_change_form_offers_preview_and_share_until_live(client, editor, make, shown):
    """ "Förhandsgranska" and "Dela förhandsvisning" appear for drafts and scheduled articles."""
    article = make()
    editor = grant(editor, "news.view_article")
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert (f'href="{share_url(article)}"' in html) is shown
    assert (f'<a href="{article.get_absolute_url()}">Förhandsgranska</a>' in html) is shown


def test_deleting_the_article_deletes_its_links(editor):
    """Links go with their object, so no dangling link can point anywhere."""
    draft = make_draft()
    PreviewLink.create_for(draft, editor)
    draft.delete()
    assert not PreviewLink.objects.exists()


@pytest.mark.parametrize("query", ["utkast", "\x00", "x" * 5000])
def test_link_list_search_never_fails(client, editor, query):
    """The shared-preview list answers any search, NUL bytes included (C4.10)."""
    PreviewLink.create_for(make_draft(title="Ett utkast"), editor)
    client.force_login(grant(editor, "previews.view_previewlink"))
    url = reverse("admin:previews_previewlink_changelist")
    assert client.get(url, {"q": query}, follow=True).status_code == 200


@pytest.mark.parametrize(("published", "shown"), [(False, True), (True, False)])
def test_event_change_form_offers_preview_and_share_until_live(client, editor, published, shown):
    """The same two buttons on an unpublished event's page, none on a live one."""
    event = make_event(published=published)
    client.force_login(grant(editor, "events.view_event"))
    html = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert (f'href="{share_url(event)}"' in html) is shown
    assert (f'<a href="{event.get_absolute_url()}">Förhandsgranska</a>' in html) is shown
