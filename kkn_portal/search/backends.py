"""The site search over the registered sources (news, events), one backend per database.

Both backends return the same thing: a ranked, sliceable list of hits (a
UNION query over articles and events, so the database pages it) and a way
to turn one page of hits into results with highlighted excerpts. The view
only paginates.

PostgreSQL: full-text search with the ``swedish`` configuration, weighted
title (A) > lead (B) > body or description (C), ranked with ``ts_rank`` and
excerpted with ``ts_headline`` (for the one page shown only, ``Excerpt``).
The weighted vector is a stored generated column, ``search_document``, with
a GIN index (migration ``events/0004_search_document``): computed once per
write, so a common word matching most rows costs no parsing or stemming at
search time.
The column is not a model field (SQLite has no tsvector), so the queries
name it with ``StoredDocument``.
SQLite: a case-insensitive ``LIKE`` per word over the same fields.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import (
    SearchQuery as PgSearchQuery,
)
from django.contrib.postgres.search import (
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Expression, F, FloatField, Func, Q, TextField, Value
from django.utils import timezone

from kkn_portal import dates

from .excerpts import EXCERPT_WORDS, START_SEL, STOP_SEL, excerpt_html, headline_html, plain_text
from .hits import CompiledHits
from .sources import sources

CONFIG = "swedish"
DOCUMENT_COLUMN = "search_document"
# A hit's columns, and their order: best rank first, then the newest.
HIT_COLUMNS = ("result_type", "pk", "rank", "sort_date")
HIT_ORDERING = ("-rank", "-sort_date", "result_type", "pk")
# ts_headline's options as SearchHeadline would quote them: the markers
# around each match, and how long an excerpt is in words.
HEADLINE_OPTIONS = (
    f"StartSel='{START_SEL}', StopSel='{STOP_SEL}', MaxWords={EXCERPT_WORDS}, MinWords=15"
)


@dataclass
class SearchResult:
    """One hit as the result template shows it."""

    kind: str
    label: str
    title: str
    url: str
    date: datetime
    excerpt: str
    obj: object
    # What includes/picture.html shows beside the result, or None.
    picture: object = None
    # The date in local time, as <time datetime> and in words: written here
    # for the whole page rather than by two template filters per result.
    date_iso: str = ""
    date_text: str = ""


class StoredDocument(Expression):
    """The stored, GIN-indexed ``search_document`` column of ``model``'s table.

    PostgreSQL only; migration ``events/0004_search_document`` adds it as a
    generated column (weighted title, lead and body), outside the model.
    """

    output_field = SearchVectorField()

    def __init__(self, model):
        super().__init__()
        self.model = model

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(self.model._meta.db_table)
        return f"{table}.{connection.ops.quote_name(DOCUMENT_COLUMN)}", []


class Excerpt(Func):
    """``ts_headline`` over a source's lead and body: a result's excerpt, its matches marked.

    The SQL of ``SearchHeadline(Concat("lead", Value(" "), body), tsquery,
    config=CONFIG, start_sel=…, stop_sel=…, max_words=…, min_words=…)``
    with the text and the options written out. Built from those expressions
    it cost 2.6 M instructions per source on every results page, more than
    the rest of the query: Concat wraps each part in COALESCE when compiled,
    and SearchHeadline quotes each option through a database cursor of its
    own. ``concat()`` reads NULL as "", as those COALESCEs did. PostgreSQL only.
    """

    output_field = TextField()

    def __init__(self, source, tsquery):
        super().__init__(tsquery)
        self.source = source

    def as_sql(self, compiler, connection):
        model = self.source.model
        table = compiler.quote_name_unless_alias(model._meta.db_table)
        lead, body = (
            f"{table}.{connection.ops.quote_name(model._meta.get_field(name).column)}"
            for name in ("lead", self.source.body_field)
        )
        tsquery_sql, tsquery_params = compiler.compile(self.get_source_expressions()[0])
        return (
            f"ts_headline(%s::regconfig, concat({lead}, ' ', {body}), {tsquery_sql}, %s)",
            [CONFIG, *tsquery_params, HEADLINE_OPTIONS],
        )


class BaseBackend:
    """Shared UNION and page-resolution logic; subclasses decide how to match."""

    def matching(self, source, query):
        """Published rows of ``source`` that match, annotated with ``rank``."""
        raise NotImplementedError

    def hits(self, query):
        """All matches as ``(kind, pk, rank, date)`` rows, best first: countable and sliceable.

        The UNION is compiled once for Paginator's count and page (:mod:`.hits`).
        """
        parts = [
            self.matching(source, query)
            .annotate(result_type=Value(source.key), sort_date=F(source.date_field))
            .values_list(*HIT_COLUMNS)
            .order_by()
            for source in sources()
        ]
        first, *rest = parts
        return CompiledHits(first.union(*rest, all=True), HIT_COLUMNS, HIT_ORDERING)

    def results(self, hits, query):
        """Turn one page of hits into ``SearchResult`` objects, in the same order."""
        wanted = {
            source.key: [hit[1] for hit in hits if hit[0] == source.key] for source in sources()
        }
        found = {}
        for source in sources():
            if wanted[source.key]:
                rows = source.published().filter(pk__in=wanted[source.key])
                rows = self.with_excerpts(source, rows.only(*self.result_fields(source)), query)
                found.update({(source.key, row.pk): (source, row) for row in rows})
        # Translated once per source, not once per result.
        labels = {source.key: str(source.label) for source in sources()}
        tz = timezone.get_current_timezone()
        results = []
        for kind, pk, _rank, date in hits:
            if (kind, pk) in found:
                source, row = found[(kind, pk)]
                local = timezone.localtime(date, tz)
                results.append(
                    SearchResult(
                        kind=kind,
                        label=labels[kind],
                        title=row.title,
                        url=row.get_absolute_url(),
                        date=date,
                        excerpt=self.excerpt(row, source, query),
                        obj=row,
                        picture=row.picture if source.picture_fields else None,
                        date_iso=dates.iso(local),
                        date_text=dates.long_date(local),
                    )
                )
        return results

    def result_fields(self, source):
        """The columns a result shows or needs for its excerpt (not whole bodies)."""
        return ("title", *source.url_fields, *source.picture_fields)

    def with_excerpts(self, source, queryset, query):
        return queryset

    def excerpt(self, row, source, query):
        raise NotImplementedError


class PostgresBackend(BaseBackend):
    """Swedish full-text search, tolerant of inflection.

    The Swedish Snowball stemmer is not idempotent ("konferensen" ->
    "konferens" -> "konfer"), so a document saying "konferens" is indexed as
    ``konfer`` while the query "konferensen" stems to ``konferens``. Each
    query word therefore matches its stem as a prefix OR its stem stemmed
    once more; together that finds the forms of a word in both directions.
    """

    def tsquery(self, query):
        """Build a ``to_tsquery`` expression from the words' stems (one small SQL query)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT s[1], (ts_lexize(%s, s[1]))[1] FROM ("
                "  SELECT ts_lexize(%s, w) AS s FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n)"
                "  ORDER BY n) stems WHERE s[1] IS NOT NULL",
                [f"{CONFIG}_stem", f"{CONFIG}_stem", query.words],
            )
            stems = cursor.fetchall()
        # Stems come from \w+ words, so they hold no tsquery operators; quote anyway.
        terms = []
        for stem, restem in stems:
            alternatives = [f"{quote_lexeme(stem)}:*"]
            if restem and restem != stem:
                alternatives.append(quote_lexeme(restem))
            terms.append("(" + " | ".join(alternatives) + ")")
        # "simple" keeps the stems as they are (the "swedish" parser would stem them again).
        return (
            PgSearchQuery(" & ".join(terms), search_type="raw", config="simple") if terms else None
        )

    def hits(self, query):
        self._tsquery = self.tsquery(query)
        if self._tsquery is None:
            # Only stop words ("och", "att"): nothing to look for.
            return CompiledHits(sources()[0].model.objects.none(), HIT_COLUMNS, HIT_ORDERING)
        return super().hits(query)

    def matching(self, source, query):
        document = StoredDocument(source.model)
        return (
            source.published()
            .alias(document=document)
            .filter(document=self._tsquery)
            .annotate(rank=SearchRank(document, self._tsquery))
        )

    def with_excerpts(self, source, queryset, query):
        return queryset.annotate(headline=Excerpt(source, self._tsquery))

    def excerpt(self, row, source, query):
        return headline_html(row.headline)


class SimpleBackend(BaseBackend):
    """Case-insensitive substring match, for SQLite and other databases.

    Every word must occur in the title, lead or body; Django escapes ``%``,
    ``_`` and ``\\`` in ``icontains``. SQLite folds case for ASCII only.
    """

    def matching(self, source, query):
        condition = Q()
        for word in query.words:
            condition &= (
                Q(title__icontains=word)
                | Q(lead__icontains=word)
                | Q(**{f"{source.body_field}__icontains": word})
            )
        return source.published().filter(condition).annotate(rank=Value(0.0, FloatField()))

    def result_fields(self, source):
        # The excerpt is cut from the text here, not by the database.
        return (*super().result_fields(source), "lead", source.body_field)

    def excerpt(self, row, source, query):
        return excerpt_html(plain_text(row.lead, getattr(row, source.body_field)), query.words)


def quote_lexeme(lexeme):
    """Quote a lexeme for tsquery input syntax."""
    escaped = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'"


def get_backend():
    """The backend for the default database."""
    return PostgresBackend() if connection.vendor == "postgresql" else SimpleBackend()
