"""The editors' admin for articles, contacts and branches."""

import re

import pytest
from django.urls import reverse

from kkn_portal.models import Branch
from news.models import Article

from .factories import make_article, make_draft

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
    """The list shows title, publication state and branches, with filters and search."""
    make_article(title="Synlig i listan", branches=[Branch.objects.get(slug="musik")])
    response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Synlig i listan" in content
    for column in ("column-publication", "column-branch_names", "column-last_modified"):
        assert column in content
    assert "Musik" in content
    assert "?publicering=utkast" in content and "?publicering=schemalagd" in content
    assert "branches__id__exact" in content
    assert 'id="searchbar"' in content
    assert response.context["cl"].date_hierarchy == "published_at"


@pytest.mark.parametrize("term", ["\x00", "a\x00b", "x" * 5000])
def test_changelist_search_never_500(admin_client, term):
    """C4.10: odd search terms (NUL, very long) do not break the changelist."""
    assert admin_client.get(CHANGELIST, {"q": term}, follow=True).status_code == 200


def test_actions_are_offered_in_swedish(editor_client):
    """The action menu lists "Publicera nu", "Schemalägg …" and "Avpublicera", in that order."""
    make_article()
    content = editor_client.get(CHANGELIST).content.decode()
    options = re.findall(r'<option value="(\w+)">([^<]+)</option>', content)
    assert options[:3] == [
        ("publish_now", "Publicera nu"),
        ("schedule", "Schemalägg …"),
        ("unpublish", "Avpublicera"),
    ]


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
        admin_client.get(
            reverse("admin:kkn_portal_contact_changelist"), {"q": "\x00"}, follow=True
        ).status_code
        == 200
    )
    branch = Branch.objects.first()
    assert admin_client.get(reverse("admin:kkn_portal_branch_changelist")).status_code == 200
    delete = admin_client.get(reverse("admin:kkn_portal_branch_delete", args=[branch.pk]))
    assert delete.status_code == 403
