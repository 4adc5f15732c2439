"""Flatpages are as safe as articles: the prose editor, nh3 on save and on render."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse

from tests.admin.factories import make_editor

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<meta http-equiv="refresh" content="0;url=https://example.com/">'
    '<h2 onclick="steal()">Logga in</h2>'
    '<form action="https://example.com/"><input name="password"></form>'
    '<script>alert(1)</script><iframe src="https://example.com/"></iframe>'
    '<p style="color:red">Text <a href="javascript:steal()">länk</a></p>'
)
CLEAN = "<h2>Logga in</h2><p>Text <a>länk</a></p>"


def flatpage(**fields):
    page = FlatPage.objects.create(
        url=fields.pop("url", "/om-oss/"), title=fields.pop("title", "Om oss"), **fields
    )
    page.sites.add(Site.objects.get_current())
    return page


def form_data(page, **overrides):
    return {
        "url": page.url,
        "title": page.title,
        "content": page.content,
        "sites": [Site.objects.get_current().pk],
        **overrides,
    }


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_editor_form_cleans_hostile_html(editor_client):
    """A Redaktör's meta refresh, fake login form and scripts are gone after saving."""
    page = flatpage(content="<p>Gammalt</p>")
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    form = editor_client.get(url).content.decode()
    assert "data-django-prose-editor" in form
    response = editor_client.post(url, form_data(page, content=HOSTILE))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.content == CLEAN
    assert "Logga in" in page.content


def test_saving_from_code_cleans_too():
    """Shell, fixtures and seeds go through the same cleaning (pre_save)."""
    assert flatpage(content=HOSTILE).content == CLEAN


def test_rendering_cleans_what_bypassed_the_save(client):
    """HTML written past the model (a bulk update, an old row) is cleaned again when shown."""
    page = flatpage(content="<p>Hej</p>")
    FlatPage.objects.filter(pk=page.pk).update(content=HOSTILE)
    html = client.get(page.url).content.decode()
    assert "<h2>Logga in</h2>" in html
    for fragment in ('http-equiv="refresh"', "<form action", "alert(1)", "<iframe", "javascript:"):
        assert fragment not in html


def test_template_name_is_for_superusers_only(editor_client, admin_client):
    """An editor neither sees nor sets template_name; a superuser does."""
    page = flatpage(content="<p>Hej</p>", template_name="flatpages/default.html")
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    assert 'name="template_name"' not in editor_client.get(url).content.decode()
    response = editor_client.post(
        url, form_data(page, template_name="admin/login.html", content="<p>Ny</p>")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.template_name == "flatpages/default.html" and page.content == "<p>Ny</p>"
    assert 'name="template_name"' in admin_client.get(url).content.decode()
