"""The comment inbox at volume: "Ny" first, cheap filters, no full counts, indexed search."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feedback.models import Comment

from .factories import make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:feedback_comment_changelist")


def shown(response):
    return {comment.text for comment in response.context["cl"].result_list}


def test_inbox_opens_on_new_comments(admin_client):
    """Without a filter the inbox lists new comments; "Alla" and "Hanterad" are a click away."""
    make_comment(text="Ny synpunkt")
    make_comment(text="Hanterad synpunkt", status=Comment.Status.HANDLED)
    response = admin_client.get(CHANGELIST)
    assert shown(response) == {"Ny synpunkt"}
    page = response.content.decode()
    assert "?status=alla" in page and "?status=behandlad" in page
    assert shown(admin_client.get(CHANGELIST, {"status": "alla"})) == {
        "Ny synpunkt",
        "Hanterad synpunkt",
    }
    assert shown(admin_client.get(CHANGELIST, {"status": "behandlad"})) == {"Hanterad synpunkt"}
    assert shown(admin_client.get(CHANGELIST, {"status": "okänd"})) == {"Ny synpunkt"}


def test_month_filter_needs_no_query_and_filters_by_local_month(admin_client):
    """The last twelve months are offered by name; a month holds its local days."""
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)):
        # 1 November 00.30 Swedish time is still 31 October in UTC.
        make_comment(
            text="Tidigt i november",
            created_at=datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC),
        )
        make_comment(
            text="I oktober", created_at=datetime.datetime(2026, 10, 15, tzinfo=datetime.UTC)
        )
        page = admin_client.get(CHANGELIST, {"status": "alla"}).content.decode()
        assert "november 2026" in page and "december 2025" in page and "november 2025" not in page
        response = admin_client.get(CHANGELIST, {"status": "alla", "manad": "2026-11"})
        assert shown(response) == {"Tidigt i november"}
        for odd in ("2026-13", "9999-12", "x"):
            response = admin_client.get(CHANGELIST, {"status": "alla", "manad": odd})
            assert response.status_code == 200 and len(shown(response)) == 2


def test_inbox_makes_no_full_count_and_no_date_scan(admin_client):
    """One COUNT (the filtered page's), no count of the whole table and no DISTINCT date scan."""
    for n in range(3):
        make_comment(text=f"Synpunkt {n}")
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(CHANGELIST)
    sql = [query["sql"].upper() for query in queries]
    counts = [
        statement for statement in sql if "COUNT(" in statement and "FEEDBACK_COMMENT" in statement
    ]
    assert len(counts) == 1 and "WHERE" in counts[0]
    assert not any("DISTINCT" in statement and "CREATED_AT" in statement for statement in sql)


def test_flags_are_short_badges(admin_client):
    """The three flags are one column of short badges, so the inbox fits 1 280 px."""
    make_comment(text="Ring mig på 070-174 06 50", mentions_contact_details=True)
    page = admin_client.get(CHANGELIST).content.decode()
    assert '<span class="kkn-badge kkn-badge--flag">Kontakt</span>' in page
    assert "column-has_personal_id" not in page and "column-flags" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL only")
def test_search_columns_have_trigram_indexes():
    """Each searched column has a GIN trigram index over the expression icontains uses."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'feedback_comment'"
        )
        indexes = dict(cursor.fetchall())
    for column in ("text", "page_title", "page_path"):
        definition = indexes[f"feedback_comment_{column}_trgm"]
        assert "gin_trgm_ops" in definition and "upper" in definition.lower()


def test_count_stops_at_the_cap(admin_client, monkeypatch):
    """Past the cap the inbox says "more than N" instead of counting every comment."""
    from feedback.admin_filters import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    for n in range(4):
        make_comment(text=f"Synpunkt {n}")
    with CaptureQueriesContext(connection) as queries:
        page = admin_client.get(CHANGELIST).content.decode()
    assert "fler än 2 kommentarer" in page
    count = next(query["sql"] for query in queries if "COUNT(" in query["sql"].upper())
    assert "LIMIT 3" in count.upper()
    make_comment(text="En till", status=Comment.Status.HANDLED)
    page = admin_client.get(CHANGELIST, {"status": "behandlad"}).content.decode()
    assert "1 kommentar" in page


def count_statement(queries):
    return next(
        query["sql"].upper()
        for query in queries
        if "COUNT(" in query["sql"].upper() and "FEEDBACK_COMMENT" in query["sql"].upper()
    )


def test_count_reads_rows_in_any_order(admin_client):
    """The capped count has no ORDER BY: the database may stop at the first rows it finds."""
    make_comment(text="Synpunkt")
    for params in ({}, {"q": "synpunkt"}):
        with CaptureQueriesContext(connection) as queries:
            admin_client.get(CHANGELIST, params)
        count = count_statement(queries)
        assert "LIMIT" in count and "ORDER BY" not in count


def test_search_counts_at_most_the_search_cap(admin_client, monkeypatch):
    """A search says "more than N matches" at a lower cap than the list, and how to narrow it."""
    from feedback.admin_filters import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "search_cap", 2)
    for n in range(4):
        make_comment(text=f"Tillgänglighet {n}")
    make_comment(text="Annat")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(CHANGELIST, {"q": "tillgänglighet"})
    page = response.content.decode()
    assert "fler än 2 träffar: lägg till ett ord i sökningen eller välj ett filter" in page
    # The search bar says the same instead of the capped count plus one.
    assert "fler än 2 resultat" in page and "3 resultat" not in page
    assert "LIMIT 3" in count_statement(queries)
    # No search (or only spaces): the list's own, higher cap.
    for params in ({}, {"q": "  "}):
        page = admin_client.get(CHANGELIST, params).content.decode()
        assert "5 kommentarer" in page and "träffar" not in page
    # Under the cap: the exact number of matches, in the bar and under the list.
    make_comment(text="Länken fungerar inte")
    page = admin_client.get(CHANGELIST, {"q": "länken"}).content.decode()
    assert "1 resultat" in page and "1 kommentar" in page and "fler än" not in page


def test_search_costs_no_extra_query(admin_client):
    """A search runs as many queries as the plain list: one capped count and one page."""
    for n in range(3):
        make_comment(text=f"Synpunkt {n}")
    admin_client.get(CHANGELIST)  # session and permissions warmed up
    with CaptureQueriesContext(connection) as plain:
        admin_client.get(CHANGELIST)
    with CaptureQueriesContext(connection) as search:
        admin_client.get(CHANGELIST, {"q": "synpunkt 1"})
    assert len(search) == len(plain)


@pytest.mark.parametrize(
    ("field", "stored", "term"),
    [
        ("text", "Jag saknar information om Tillgänglighet.", "tillgänglighet"),
        ("page_title", "Träff om Musik i Luleå", "musik"),
        ("page_path", "/evenemang/musikdag/", "MUSIKDAG"),
    ],
)
def test_search_finds_each_field_in_any_case(admin_client, field, stored, term):
    """Text, page title and address are searched, ignoring the case of ASCII letters."""
    make_comment(**{field: stored})
    make_comment(text="Annat", page_title="Annat", page_path="/annat/")
    response = admin_client.get(CHANGELIST, {"status": "alla", "q": term})
    assert len(shown(response)) == 1


def test_two_words_must_both_match_in_any_field(admin_client):
    """Each word of a search must be found, each in any of the fields."""
    make_comment(text="Länken fungerar inte", page_title="Anmälan till mässan")
    make_comment(text="Länken fungerar inte", page_title="Om oss")
    response = admin_client.get(CHANGELIST, {"q": "länken anmälan"})
    assert shown(response) == {"Länken fungerar inte"} and response.context["cl"].result_count == 1
