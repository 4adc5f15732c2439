"""The search page on both databases: visibility, nasty input, pagination, queries."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import make_article, make_event

pytestmark = pytest.mark.django_db

NASTY = [
    "'",
    "%",
    "\\",
    "_",
    "<script>alert(1)</script>",
    "x" * 10_000,
    "\x00",
    "konferens\x00",
    "konferens' OR 1=1 --",
    "!(&|:*) <-> 'a':*",
    '"oavslutat citat',
    "ü" * 300,
    "och att det",
]


def _search(client, q, **params):
    return client.get(reverse("search:index"), {"q": q, **params})


def _titles(response):
    return [result.title for result in response.context["results"] or []]


def test_empty_query_shows_a_hint(client):
    """No query: the search box and a hint, no results list."""
    response = client.get(reverse("search:index"))
    assert response.status_code == 200
    assert response.context["results"] is None
    assert "Skriv ett eller flera ord" in response.content.decode()


@pytest.mark.parametrize("q", NASTY)
def test_nasty_queries_give_a_normal_page(client, q):
    """Quotes, wildcards, backslashes, markup, 10 000 characters, NUL: a 200, never 500."""
    make_article(title="Konferens i Piteå")
    response = _search(client, q)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "\x00" not in content


def test_long_query_is_shortened_with_a_message(client):
    """A query over 200 characters is cut, and the visitor is told."""
    response = _search(client, "konferens " * 100)
    assert len(response.context["query"].text) <= 200
    assert "Din sökning kortades till 200 tecken." in response.content.decode()


def test_finds_published_news_and_events_in_one_list(client):
    """One result list with articles and events, labelled."""
    make_article(title="Konferens om musik")
    make_event(title="Konferens på Acusticum")
    response = _search(client, "konferens")
    assert set(_titles(response)) == {"Konferens om musik", "Konferens på Acusticum"}
    content = response.content.decode()
    assert "Nyheter ·" in content and "Evenemang ·" in content
    assert "2 träffar på ”konferens”." in content


@pytest.mark.parametrize(
    "hidden",
    [
        {"article": {"status": "draft"}},
        {"article": {"published_at": timezone.now() + timedelta(days=1)}},
        {"event": {"published": False}},
        {"event": {"published_at": timezone.now() + timedelta(days=1)}},
    ],
)
def test_unpublished_items_never_appear(client, hidden):
    """Drafts, scheduled articles and unpublished events are never in the results."""
    if "article" in hidden:
        make_article(title="Hemlig konferens", **hidden["article"])
    else:
        make_event(title="Hemlig konferens", **hidden["event"])
    make_article(title="Öppen konferens")
    response = _search(client, "konferens")
    assert _titles(response) == ["Öppen konferens"]
    assert "Hemlig" not in response.content.decode()


def test_matches_in_lead_and_body_are_found_and_highlighted(client):
    """A word in the body is found; the excerpt marks it and escapes the rest."""
    make_article(
        title="Nyhet", lead="Ingress.", body="<p>Vi bjuder in till en workshop &amp; mingel.</p>"
    )
    response = _search(client, "workshop")
    assert _titles(response) == ["Nyhet"]
    excerpt = str(response.context["results"][0].excerpt)
    assert "<mark>workshop</mark>" in excerpt
    assert "&amp; mingel" in excerpt and "<p>" not in excerpt


def test_stored_markup_is_escaped_in_results(client):
    """A title with markup is shown as text, not run."""
    make_article(title="<img src=x onerror=alert(1)> konferens")
    content = _search(client, "konferens").content.decode()
    assert "<img src=x" not in content
    assert "&lt;img src=x onerror=alert(1)&gt; konferens" in content


def test_results_are_paginated(client):
    """Ten a page; a page number that is not one, or lies beyond the last, is a 404."""
    for n in range(25):
        make_article(title=f"Musik {n}")
    first = _search(client, "musik")
    assert len(first.context["results"]) == 10
    assert first.context["page_obj"].paginator.count == 25
    assert len(_search(client, "musik", page=3).context["results"]) == 5
    assert _search(client, "musik", page="1").content == first.content
    for page in ["abc", "-1", "0", "4", "99999999999999999999", "\x00"]:
        assert _search(client, "musik", page=page).status_code == 404


@pytest.mark.parametrize("count", [3, 40])
def test_search_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    """Same budget with 3 and 40 matching articles and events."""
    for n in range(count):
        make_article(title=f"Konferens {n}")
        make_event(title=f"Konferensdag {n}")
    with django_assert_max_num_queries(6):
        response = _search(client, "konferens")
    assert len(response.context["results"]) == min(2 * count, 10)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite's LIKE-based search only")
def test_simple_search_is_case_insensitive(client):
    """On SQLite, "KONFERENS" finds "Konferens"."""
    make_article(title="Konferens i Luleå")
    assert _titles(_search(client, "KONFERENS")) == ["Konferens i Luleå"]


def test_repeated_search_is_served_from_the_page_cache_until_content_changes(
    client, django_assert_max_num_queries
):
    """Same query again: no search SQL; a new article is found at once."""
    make_article(title="Konferens i Luleå")
    assert _titles(_search(client, "konferens")) == ["Konferens i Luleå"]
    with django_assert_max_num_queries(0):
        again = _search(client, "konferens")
    assert "Konferens i Luleå" in again.content.decode()
    make_article(title="Konferens i Piteå")
    assert "Konferens i Piteå" in _search(client, "konferens").content.decode()


def test_cached_search_shows_a_scheduled_article_when_its_time_comes(client):
    """Publication at a set time reaches the results without any save."""
    now = timezone.now()
    make_article(title="Musik nu")
    make_article(title="Musik sedan", published_at=now + timedelta(hours=1))
    with time_machine.travel(now, tick=False) as traveller:
        before = _search(client, "musik").content.decode()
        traveller.move_to(now + timedelta(hours=1, seconds=1))
        after = _search(client, "musik").content.decode()
    assert "Musik sedan" not in before
    assert "Musik sedan" in after


@pytest.mark.parametrize("q", ["konferens", "\"><b>fet</b> & 'citat'", ""])
def test_search_box_is_crispys_rendering_with_the_words_escaped(q):
    """The once-rendered box equals crispy-forms' own rendering of the same form."""
    from crispy_forms.utils import render_crispy_form

    from kkn_portal.search.forms import SearchForm

    form = SearchForm(initial={"q": q})
    assert form.as_html() == render_crispy_form(SearchForm(initial={"q": q}))
    if q:
        assert "<b>fet</b>" not in form.as_html()
