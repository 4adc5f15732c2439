"""The page a comment is about is the server's: forged titles, drafts, the admin and made-up paths."""

import pytest
from django.core import mail

from feedback.models import Comment
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft, make_scheduled

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db
REFUSED = "Kommentarer kan bara skickas om publicerade sidor på webbplatsen"


def test_forged_title_is_ignored_and_the_current_title_stored(client, comment_url):
    """Whatever title the form sends, the comment gets the article's title as it is now."""
    article = make_article(title="Riktig rubrik")
    with patch_captcha():
        response = client.post(
            comment_url,
            post_data(page_path=article.get_absolute_url(), page_title="Vinn en iPhone!"),
        )
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert (comment.page_path, comment.page_title) == (article.get_absolute_url(), "Riktig rubrik")


def test_event_page_gets_the_event_title(client, comment_url):
    """An event page resolves to its event."""
    event = make_event(title="Nationell konferens")
    with patch_captcha():
        client.post(comment_url, post_data(page_path=event.get_absolute_url()))
    assert Comment.objects.get().page_title == "Nationell konferens"


@pytest.mark.parametrize(
    "path",
    [
        lambda: make_draft().get_absolute_url(),
        lambda: make_scheduled().get_absolute_url(),
        lambda: make_event(published=False).get_absolute_url(),
        lambda: "/admin/",
        lambda: "/admin/feedback/comment/",
        lambda: "/nyheter/finns-inte/",
        lambda: "/nyheter/rss/",
        lambda: "/kommentera/",
    ],
    ids=[
        "draft",
        "scheduled",
        "unpublished-event",
        "admin",
        "admin-list",
        "unknown",
        "feed",
        "form",
    ],
)
def test_paths_that_are_no_public_page_are_refused_clearly(client, comment_url, path):
    """400 with a Swedish explanation in the error summary; nothing stored, no e-mail."""
    with patch_captcha():
        response = client.post(comment_url, post_data(page_path=path()))
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert "page_path" in response.context["form"].errors
    assert Comment.objects.count() == 0 and mail.outbox == []


def test_refused_page_leads_back_to_the_start_page(client, comment_url):
    """The error page's way back never goes to the refused address."""
    draft = make_draft()
    with patch_captcha():
        response = client.post(comment_url, post_data(page_path=draft.get_absolute_url()))
    assert response.context["back_url"] == "/"
    assert f'href="{draft.get_absolute_url()}"' not in response.content.decode()


def test_mail_carries_only_the_servers_title_and_path(
    client, comment_url, settings, django_capture_on_commit_callbacks
):
    """No visitor text in the e-mail: neither the comment, nor a forged title or path."""
    settings.FEEDBACK_NOTIFY_EMAILS = ["webbredaktionen@example.se"]
    article = make_article(title="Artikeln om KKN")
    data = post_data(
        page_path=article.get_absolute_url(),
        page_title="Klicka på http://evil.example/",
        text="Synpunkt: besök http://evil.example/ nu",
    )
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True):
        client.post(comment_url, data)
    [message] = mail.outbox
    assert "Artikeln om KKN" in message.body
    assert f"http://testserver{article.get_absolute_url()}" in message.body
    assert "evil.example" not in message.body + message.subject
    assert "Synpunkt" not in message.body


def test_error_page_names_the_servers_title(client, comment_url):
    """The error page says which page the comment is about, by its real title."""
    article = make_article(title="Den riktiga")
    with patch_captcha():
        response = client.post(
            comment_url,
            post_data(page_path=article.get_absolute_url(), page_title="Falsk", text=""),
        )
    html = response.content.decode()
    assert "Den riktiga" in html and "Falsk" not in html
