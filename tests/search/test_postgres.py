"""PostgreSQL full-text search: Swedish inflection, weighting, highlighting, GIN indexes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from kkn_portal.search.backends import PostgresBackend, search_vector
from kkn_portal.search.query import SearchQuery
from news.models import Article
from tests.events.factories import make_article, make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Full-text search with Swedish stemming, ranking and GIN indexes needs PostgreSQL; "
        "SQLite uses the simple LIKE search tested in test_search.py",
    ),
]


def _titles(client, q):
    response = client.get(reverse("search:index"), {"q": q})
    assert response.status_code == 200
    return [result.title for result in response.context["results"] or []]


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("näring", "De kreativa näringarna växer"),
        ("näring", "Nya näringar i länet"),
        ("konferensen", "En konferens om spel"),
        ("konferens", "Välkommen till konferensen"),
        ("Konferenser", "En konferens om film"),
        ("företagen", "Hundra företag i Piteå"),
    ],
)
def test_inflected_swedish_forms_are_found(client, query, stored):
    """Swedish stemming: the query and the text may use different forms of a word."""
    make_article(title="Något annat", lead="Ingress.", body=f"<p>{stored}.</p>")
    assert _titles(client, query) == ["Något annat"]


def test_title_hit_ranks_above_body_hit(client):
    """Weights: title (A) above lead (B) above body (C), whatever the dates."""
    now = timezone.now()
    make_article(
        title="Annat",
        lead="Ingress.",
        body="<p>Om musik.</p>",
        published_at=now - timedelta(minutes=1),
    )
    make_article(
        title="Ingressen",
        lead="Musik i länet.",
        body="<p>Text.</p>",
        published_at=now - timedelta(days=9),
    )
    make_event(title="Musik i Piteå", lead="Konsert.", published_at=now - timedelta(days=30))
    assert _titles(client, "musik") == ["Musik i Piteå", "Ingressen", "Annat"]


def test_excerpt_highlights_inflected_forms(client):
    """The headline marks the form used in the text, escaped except for <mark>."""
    make_article(title="T", lead="Ingress.", body="<p>De kreativa näringarna &lt;växer&gt;.</p>")
    response = client.get(reverse("search:index"), {"q": "näring"})
    excerpt = str(response.context["results"][0].excerpt)
    assert "<mark>näringarna</mark>" in excerpt
    assert "&lt;växer&gt;" in excerpt


def test_stop_words_only_find_nothing(client):
    """A query of only stop words gives an empty result, not an error."""
    make_article(title="Och så vidare")
    assert _titles(client, "och att") == []


@pytest.mark.parametrize(
    ("model", "body_field", "index"),
    [(Event, "description", "events_event_search"), (Article, "body", "news_article_search")],
)
def test_gin_index_serves_the_search_vector(model, body_field, index):
    """The planner can use the GIN expression index for the exact vector the search builds."""
    query = PostgresBackend().tsquery(SearchQuery.from_input("konferens"))
    queryset = model.objects.annotate(document=search_vector(body_field)).filter(document=query)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan
