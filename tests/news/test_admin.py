"""The editors' admin for articles, contacts and branches."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kkn_portal.models import Branch
from news.models import Article

from .factories import make_article, make_draft, make_rich_article, make_scheduled

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_article_changelist")
ADD = reverse("admin:news_article_add")


def run_action(client, action, articles):
    """POST an admin action for ``articles`` and follow the redirect."""
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [article.pk for article in articles]},
        follow=True,
    )


def article_form(**overrides):
    """POST data for the add form, with an empty links inline."""
    data = {
        "title": "Ny artikel",
        "slug": "ny-artikel",
        "lead": "Ingress.",
        "body": "<p>Text</p>",
        "status": "draft",
        "published_at_0": "2026-01-05",
        "published_at_1": "10:00:00",
        "footnote": "",
        "image_alt": "",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "links-0-title": "Läs mer",
        "links-0-url": "https://example.se/mer",
        "links-0-position": "0",
    }
    data.update(overrides)
    return data


def test_changelist_columns_and_filters(editor_client):
    """The list shows title, status, date, live flag and branches, with filters and search."""
    make_article(title="Synlig i listan", branches=[Branch.objects.get(slug="musik")])
    response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Synlig i listan" in content
    for column in ("column-status", "column-published_at", "column-is_live", "column-branch_names"):
        assert column in content
    assert "Musik" in content
    assert "?status__exact=draft" in content
    assert "branches__id__exact" in content
    assert 'id="searchbar"' in content
    assert response.context["cl"].date_hierarchy == "published_at"


def test_changelist_query_count_is_constant(admin_client):
    """The changelist runs as many queries for 40 articles as for 3."""
    for _ in range(3):
        make_rich_article()
    admin_client.get(CHANGELIST)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(CHANGELIST)
    for _ in range(37):
        make_rich_article()
    with CaptureQueriesContext(connection) as many:
        assert admin_client.get(CHANGELIST).status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize("term", ["\x00", "a\x00b", "x" * 5000])
def test_changelist_search_never_500(admin_client, term):
    """C4.10: odd search terms (NUL, very long) do not break the changelist."""
    assert admin_client.get(CHANGELIST, {"q": term}).status_code == 200


def test_publish_action(editor_client, editor):
    """ "Publicera" publishes drafts (now, or at a future date), messages and logs each."""
    past_draft = make_draft(published_at=timezone.now() - timedelta(days=30))
    future = timezone.now() + timedelta(days=7)
    future_draft = make_draft(published_at=future)
    already = make_article()
    before = timezone.now()
    response = run_action(editor_client, "publish", [past_draft, future_draft, already])
    assert "2 artiklar publicerades." in response.content.decode()
    past_draft.refresh_from_db()
    future_draft.refresh_from_db()
    assert past_draft.status == future_draft.status == Article.Status.PUBLISHED
    assert past_draft.published_at >= before and past_draft.is_live()
    assert future_draft.published_at == future and future_draft.is_scheduled()
    entries = LogEntry.objects.filter(action_flag=CHANGE, user=editor)
    assert sorted(int(entry.object_id) for entry in entries) == sorted(
        [past_draft.pk, future_draft.pk]
    )
    assert "status" in entries.first().get_change_message()


def test_unpublish_action(editor_client, editor):
    """ "Avpublicera" turns published and scheduled articles into drafts and logs it."""
    live = make_article()
    scheduled = make_scheduled()
    draft = make_draft()
    response = run_action(editor_client, "unpublish", [live, scheduled, draft])
    assert "2 artiklar avpublicerades." in response.content.decode()
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    assert LogEntry.objects.filter(user=editor, action_flag=CHANGE).count() == 2
    assert editor_client.get(live.get_absolute_url()).status_code == 200  # preview still


def test_actions_are_offered_in_swedish(editor_client):
    """The action menu lists "Publicera" and "Avpublicera"."""
    make_article()
    content = editor_client.get(CHANGELIST).content.decode()
    assert '<option value="publish">Publicera</option>' in content
    assert '<option value="unpublish">Avpublicera</option>' in content


def test_add_article_stamps_author_sanitizes_and_saves_links(editor_client, editor):
    """Creating through the admin sets the author, cleans the body and stores links."""
    musik = Branch.objects.get(slug="musik")
    response = editor_client.post(
        ADD,
        article_form(body='<p onclick="x()">Hej<script>alert(1)</script></p>', branches=[musik.pk]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="ny-artikel")
    assert article.author == editor
    assert article.body == "<p>Hej</p>"
    assert [link.url for link in article.links.all()] == ["https://example.se/mer"]
    assert list(article.branches.all()) == [musik]


def test_view_on_site_opens_the_preview(editor_client):
    """ "Visa på webbplatsen" for a draft leads to the article URL, which previews."""
    draft = make_draft()
    change = editor_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    content = change.content.decode()
    assert f'href="{draft.get_absolute_url()}"' in content
    preview = editor_client.get(draft.get_absolute_url())
    assert "Förhandsvisning – inte publicerad" in preview.content.decode()


def test_change_form_editor_scripts_carry_the_csp_nonce(admin_client):
    """The rich-text editor's import map is inline, so it must carry the page's nonce."""
    article = make_article()
    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    content = response.content.decode()
    match = re.search(r'<script type="importmap"[^>]*nonce="([^"]+)"', content)
    assert match, "import map without nonce"
    assert f"'nonce-{match.group(1)}'" in response["Content-Security-Policy"]
    assert "data-django-prose-editor-configurable" in content


def test_contact_and_branch_admin(admin_client):
    """Contacts are searchable; branches can be edited but not deleted."""
    assert (
        admin_client.get(reverse("admin:kkn_portal_contact_changelist"), {"q": "\x00"}).status_code
        == 200
    )
    branch = Branch.objects.first()
    assert admin_client.get(reverse("admin:kkn_portal_branch_changelist")).status_code == 200
    delete = admin_client.get(reverse("admin:kkn_portal_branch_delete", args=[branch.pk]))
    assert delete.status_code == 403
