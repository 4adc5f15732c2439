"""CompiledHits: the UNION compiled once gives what the ORM's UNION gives, on both databases."""

from datetime import timedelta

import pytest
from django.db.models import F, Value
from django.utils import timezone

from kkn_portal.search.backends import HIT_COLUMNS, HIT_ORDERING, get_backend
from kkn_portal.search.query import SearchQuery
from kkn_portal.search.sources import sources
from tests.events.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def orm_union(backend, query):
    """The hits as the ORM's own UNION queryset (what CompiledHits replaces)."""
    if hasattr(backend, "tsquery"):
        backend._tsquery = backend.tsquery(query)
    parts = [
        backend.matching(source, query)
        .annotate(result_type=Value(source.key), sort_date=F(source.date_field))
        .values_list(*HIT_COLUMNS)
        .order_by()
        for source in sources()
    ]
    first, *rest = parts
    return first.union(*rest, all=True).order_by(*HIT_ORDERING)


def test_count_and_every_slice_match_the_orm():
    """Same count and the same rows in the same order (ties broken alike), dates aware."""
    now = timezone.now()
    for n in range(7):
        # Equal dates for pairs, so the tie-breaks (kind, pk) are exercised.
        make_article(title=f"Konsert {n}", published_at=now - timedelta(days=n // 2))
        make_event(title=f"Konsertkväll {n}", start=now + timedelta(days=n // 2 + 1))
    backend, query = get_backend(), SearchQuery.from_input("konsert")
    compiled, reference = backend.hits(query), orm_union(backend, query)
    assert compiled.count() == reference.count() == len(compiled)
    for start, stop in [(0, 5), (5, 10), (10, 14), (0, 14), (3, 4), (12, 20)]:
        rows = compiled[start:stop]
        assert rows == list(reference[start:stop])
        assert all(timezone.is_aware(row[3]) for row in rows)


def test_nothing_to_look_for_is_an_empty_list():
    """No matches (and on PostgreSQL a query of stop words only): count 0, no rows."""
    backend = get_backend()
    for text in ("finnsintenågonstans", "och att"):
        hits = backend.hits(SearchQuery.from_input(text))
        assert hits.count() == 0
        assert hits[0:10] == []


def test_only_slices_are_given():
    """What Paginator never asks for is refused rather than guessed."""
    hits = get_backend().hits(SearchQuery.from_input("konsert"))
    for key in (0, slice(0, None), slice(0, 10, 2)):
        with pytest.raises(TypeError):
            hits[key]
