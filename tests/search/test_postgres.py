"""PostgreSQL full-text search: Swedish inflection, weighting, highlighting, stored vectors."""

import re
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchHeadline, SearchVector
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Concat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from kkn_portal.search.backends import CONFIG, Excerpt, PostgresBackend, StoredDocument
from kkn_portal.search.excerpts import EXCERPT_WORDS, START_SEL, STOP_SEL
from kkn_portal.search.query import SearchQuery
from kkn_portal.search.sources import sources
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


MODELS = [(Event, "description", "events_event_search"), (Article, "body", "news_article_search")]


@pytest.mark.parametrize(("model", "body_field", "index"), MODELS)
def test_gin_index_serves_the_stored_vector(model, body_field, index):
    """The planner can use the GIN index on ``search_document`` for the search's condition."""
    query = PostgresBackend().tsquery(SearchQuery.from_input("konferens"))
    queryset = model.objects.alias(document=StoredDocument(model)).filter(document=query)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan


@pytest.mark.parametrize(("model", "body_field", "index"), MODELS)
def test_stored_vector_is_the_weighted_swedish_vector_and_follows_edits(model, body_field, index):
    """The generated column holds title (A), lead (B) and body (C), and changes on save."""
    obj = (make_event if model is Event else make_article)(
        title="Konferensen", lead="Om film.", **{body_field: "<p>Spel i Luleå.</p>"}
    )
    expected = (
        SearchVector("title", weight="A", config="swedish")
        + SearchVector("lead", weight="B", config="swedish")
        + SearchVector(body_field, weight="C", config="swedish")
    )

    def vectors():
        return (
            model.objects.filter(pk=obj.pk)
            .annotate(stored=StoredDocument(model), computed=expected)
            .values_list("stored", "computed")
            .get()
        )

    stored, computed = vectors()
    assert stored == computed
    assert "'konferens':1A" in stored
    setattr(obj, body_field, "<p>Musik i Kiruna.</p>")
    obj.save()
    stored, computed = vectors()
    assert stored == computed
    assert "musik" in stored and "spel" not in stored


def test_search_reads_stored_vectors_and_headlines_only_the_page(client):
    """No document is parsed at search time except the ten excerpts on the page.

    ``to_tsvector`` over every matching row made a common word cost seconds.
    """
    for n in range(12):
        make_article(title=f"Kultur {n}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search:index"), {"q": "kultur"})
    assert len(response.context["results"]) == 10
    sql = [query["sql"] for query in captured.captured_queries]
    assert not any("to_tsvector" in statement for statement in sql)
    (headlines,) = [statement for statement in sql if "ts_headline" in statement]
    ids = re.search(r"IN \(([\d, ]+)\)", headlines).group(1).split(",")
    assert len(ids) == 10


@pytest.mark.parametrize(("model", "body_field", "index"), MODELS)
def test_excerpt_is_searchheadline_over_lead_and_body(model, body_field, index):
    """``Excerpt`` gives what Django's SearchHeadline(Concat(lead, " ", body)) gives."""
    obj = (make_event if model is Event else make_article)(
        title="Rubrik",
        lead="Kulturella näringar i länet.",
        **{body_field: "<p>Mer om kultur &amp; 'citat' i Luleå, och om näringarna.</p>"},
    )
    tsquery = PostgresBackend().tsquery(SearchQuery.from_input("kultur näring"))
    (source,) = [source for source in sources() if source.model is model]
    reference = SearchHeadline(
        Concat("lead", Value(" "), body_field, output_field=TextField()),
        tsquery,
        config=CONFIG,
        start_sel=START_SEL,
        stop_sel=STOP_SEL,
        max_words=EXCERPT_WORDS,
        min_words=15,
    )
    ours, theirs = (
        model.objects.filter(pk=obj.pk)
        .annotate(ours=Excerpt(source, tsquery), theirs=reference)
        .values_list("ours", "theirs")
        .get()
    )
    assert ours == theirs
    assert f"{START_SEL}Kulturella{STOP_SEL}" in ours
