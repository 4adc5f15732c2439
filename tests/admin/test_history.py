"""History with restore: every admin save is a version; a version shows its diff and restores."""

import pytest
from django.urls import reverse
from reversion.models import Version

from events.models import Event
from news.models import Article
from tests.admin.factories import make_editor
from tests.events.test_admin import _form as event_form
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    """A Redaktör: may change articles and events, not delete them."""
    client.force_login(make_editor())
    return client


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).select_related("revision"))


def test_restore_an_earlier_version_of_an_article(editor_client):
    """Create, change, see the diff in the history, restore the first version."""
    add = reverse("admin:news_article_add")
    assert editor_client.post(add, article_form(title="Första rubriken")).status_code == 302
    article = Article.objects.get(slug="ny-artikel")
    change = reverse("admin:news_article_change", args=[article.pk])
    data = article_form(
        title="Andra rubriken",
        body="<p>Ny text</p>",
        **{"links-INITIAL_FORMS": "1", "links-0-id": str(article.links.get().pk)},
    )
    data.update({"links-0-article": str(article.pk), "author": str(article.author_id)})
    assert editor_client.post(change, data).status_code == 302
    first, *_rest = reversed(versions_of(article))
    assert len(versions_of(article)) == 2

    history = editor_client.get(reverse("admin:news_article_history", args=[article.pk]))
    page = history.content.decode()
    assert "<td>Rubrik, Brödtext</td>" in page
    assert "första version" in page.lower()

    revision = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    shown = editor_client.get(revision).content.decode()
    assert "<del>Andra</del>" in shown and "<ins>Första</ins>" in shown
    assert 'value="Återställ"' in shown

    restored = article_form(
        title="Första rubriken",
        **{"links-INITIAL_FORMS": "1", "links-0-id": str(article.links.get().pk)},
    )
    restored.update({"links-0-article": str(article.pk), "author": str(article.author_id)})
    response = editor_client.post(revision, restored)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Första rubriken" and article.body == "<p>Text</p>"
    assert len(versions_of(article)) == 3


def test_publication_actions_are_versions(editor_client):
    """ "Publicera nu" leaves a version with who did it and a note."""
    assert editor_client.post(reverse("admin:news_article_add"), article_form()).status_code == 302
    article = Article.objects.get()
    editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
    )
    latest = versions_of(article)[0]
    assert latest.field_dict["status"] == Article.Status.PUBLISHED
    assert latest.revision.user is not None and latest.revision.get_comment()


def test_restoring_an_event_raises_its_calendar_sequence(admin_client):
    """A restored event is a change for calendar subscribers: SEQUENCE goes up, never back."""
    add = reverse("admin:events_event_add")
    assert admin_client.post(add, event_form(title="Dialogdag")).status_code == 302
    event = Event.objects.get()
    change = reverse("admin:events_event_change", args=[event.pk])
    assert admin_client.post(change, event_form(title="Dialogdag i Luleå")).status_code == 302
    event.refresh_from_db()
    before = event.sequence
    first = versions_of(event)[-1]
    revision = reverse("admin:events_event_revision", args=[event.pk, first.pk])
    assert admin_client.post(revision, event_form(title="Dialogdag")).status_code == 302
    event.refresh_from_db()
    assert event.title == "Dialogdag" and event.sequence > before


def test_history_of_an_object_without_versions(editor_client):
    """Content made before the history existed (seeds, imports) shows an empty history."""
    from tests.news.factories import make_draft

    draft = make_draft()
    response = editor_client.get(reverse("admin:news_article_history", args=[draft.pk]))
    assert response.status_code == 200
    assert "Inga versioner har sparats ännu." in response.content.decode()


def test_cancelling_an_event_is_a_version(admin_client):
    """The cancel action is a change like any other: it is kept in the history."""
    from tests.events.factories import make_event

    event = make_event()
    admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "cancel", "_selected_action": [event.pk]},
    )
    [version] = versions_of(event)
    assert version.field_dict["event_status"] == Event.EventStatus.CANCELLED
    assert version.revision.get_comment() == "Markerat som inställt."
