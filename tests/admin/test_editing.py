"""Editing comfort: "Senast ändrad av/kl." on articles and events."""

import pytest
from django.urls import reverse

from tests.admin.factories import make_editor
from tests.events.factories import make_event
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make", "name"),
    [(make_article, "news_article"), (make_event, "events_event")],
    ids=["article", "event"],
)
def test_change_form_and_list_show_who_changed_it_last(client, make, name):
    """After an editor's save, the form and the list name them and the time."""
    editor = make_editor(first_name="Rut", last_name="Lind")
    obj = make(last_modified_by=editor)
    client.force_login(editor)
    form = client.get(reverse(f"admin:{name}_change", args=[obj.pk])).content.decode()
    assert "Senast ändrad av/kl." in form
    assert "Rut Lind, " in form
    listing = client.get(reverse(f"admin:{name}_changelist")).content.decode()
    assert "Rut Lind, " in listing


def test_last_modified_is_not_editable(client):
    """The stamp is read-only: a posted value is ignored."""
    editor = make_editor()
    article = make_article()
    client.force_login(editor)
    form = client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert "last_modified_by" not in form.context["adminform"].form.fields


def test_list_query_count_is_constant_with_the_stamp(client, django_assert_max_num_queries):
    """The "last changed" column joins the user: no query per row."""
    editor = make_editor()
    for _ in range(15):
        make_article(last_modified_by=editor)
    client.force_login(editor)
    # 16: two of them are the savepoint reversion opens around the list (for its actions).
    with django_assert_max_num_queries(16):
        assert client.get(reverse("admin:news_article_changelist")).status_code == 200
